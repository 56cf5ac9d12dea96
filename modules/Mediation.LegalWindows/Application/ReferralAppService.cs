using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.OrgUnits;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.LegalWindows.Domain;

namespace Mediation.LegalWindows.Application;

/// <summary>
/// A dispute met at the window goes to a mediation committee with every party's consent (人民调解法 Art. 17). The case is registered
/// through the Cases contract in the record's transaction, so both exist, linked both ways, or neither; the outcome comes back by event.
/// </summary>
internal sealed class ReferralAppService(MediationDbContext db, ServiceRecordAppService records, ICaseIntakeIntegrationService cases, IOrgUnitDirectory directory,
    PersonalDataProtector protector, ICurrentUser user, TimeProvider clock)
{
    private const int MaxSummaryLength = 2000;

    public async Task<ReferralCheckDto> CheckAsync(Guid id, CancellationToken ct)
    {
        var record = await records.FindAsync(id, ct);
        string? refusal = null;
        try { record.EnsureReferable(); }
        catch (BusinessException e) { refusal = e.Code; }
        var committees = refusal is null ? await cases.ListCommitteesAsync(await CommitteeRootAsync(record, ct), ct) : [];
        return new ReferralCheckDto(record.Id, record.Number, refusal is null, refusal, record.PersonName, committees, DefaultSummary(record),
            record.ConcurrencyStamp);
    }

    public async Task<ServiceRecordDto> ReferAsync(Guid id, ReferToMediationInput input, CancellationToken ct)
    {
        Validate(input);
        var record = await records.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(record, input.ConcurrencyStamp);
        record.EnsureReferable();
        var others = input.OtherParties!;
        if (input.PersonConsents is not true || others.Any(p => p.Consents is not true)) throw new BusinessException(LegalWindowsErrorCodes.ConsentMissing);

        var idCard = input.PersonIdCardNumber is { Length: > 0 } given ? ChineseIdentifiers.Normalize(given)
            : record.IdCardCipher is null ? null : protector.Decrypt(record.IdCardCipher);
        var phone = record.PhoneCipher is null ? null : protector.Decrypt(record.PhoneCipher);
        var parties = new List<PartyInput> { new(PartyKind.Person, record.PersonName, idCard, null, null, phone, null, ConsentsToMediation: true) };
        parties.AddRange(others.Select(p => new PartyInput(p.Kind, p.Name?.Trim(), p.IdCardNumber?.Trim(), p.CreditCode?.Trim(), null,
            p.Phone?.Trim(), p.Address?.Trim(), ConsentsToMediation: true)));
        var summary = string.IsNullOrWhiteSpace(input.Summary) ? DefaultSummary(record) : input.Summary.Trim();

        // The Cases module joins this transaction: a refusal there (a committee out of scope, a party's details) leaves the record as it was.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registered = await cases.RegisterHandedOverCaseAsync(new HandOverCaseRequest(input.CommitteeId!.Value, record.Id.ToString(),
            input.DisputeType!.Value, summary, parties, Place: record.Place, Source: CaseSource.LegalWindowReferral), ct);
        record.Referred(registered.CaseId, registered.Number, parties.Select(p => p.Name!), user.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }

    /// <summary>Committees of the window's township (the village's parent) and below: a village committee or the street's.</summary>
    private async Task<Guid> CommitteeRootAsync(ServiceRecord record, CancellationToken ct)
    {
        var village = await directory.GetAsync(record.OrgUnitId, ct);
        return village.ParentId ?? village.Id;
    }

    private static string DefaultSummary(ServiceRecord record)
    {
        var matter = record.Matter ?? "";
        return matter.Length > MaxSummaryLength ? matter[..MaxSummaryLength] : matter;
    }

    private static void Validate(ReferToMediationInput input)
    {
        var check = new InputValidator()
            .Required(input.CommitteeId, "committeeId")
            .Required(input.DisputeType, "disputeType")
            .MaxLength(input.Summary, MaxSummaryLength, "summary")
            .Required(input.PersonConsents, "personConsents");
        if (input.PersonIdCardNumber is { Length: > 0 } id && !ChineseIdentifiers.IsValidIdCardNumber(ChineseIdentifiers.Normalize(id)))
            check.Add("personIdCardNumber", LegalWindowsErrorCodes.IdCardInvalid);
        var others = input.OtherParties ?? [];
        if (others.Count == 0) check.Add("otherParties", LegalWindowsErrorCodes.ReferralNeedsOtherParty);
        for (var i = 0; i < others.Count; i++)
        {
            var field = $"otherParties[{i}]";
            check.Required(others[i].Kind, field + ".kind").Required(others[i].Name, field + ".name").MaxLength(others[i].Name, 100, field + ".name")
                .MaxLength(others[i].Address, 300, field + ".address").MaxLength(others[i].IdCardNumber, 18, field + ".idCardNumber")
                .MaxLength(others[i].CreditCode, 18, field + ".creditCode").MaxLength(others[i].Phone, 20, field + ".phone")
                .Required(others[i].Consents, field + ".consents");
        }
        check.ThrowIfInvalid();
    }
}
