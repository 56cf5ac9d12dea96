using System.Globalization;
using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Localization;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Petitions.Domain;

namespace Mediation.Petitions.Application;

/// <summary>
/// 访调对接: an accepted civil dispute is handed to a mediation committee with every party's consent. The case is registered
/// through the Cases module's contract in the petition's transaction, so either both records exist, linked both ways, or neither.
/// The petition's 60-day handling clock keeps running while the committee mediates (信访工作条例 Art. 34 knows no pause).
/// </summary>
internal sealed class PetitionHandOverAppService(MediationDbContext db, PetitionAppService petitions, ICaseIntakeIntegrationService cases,
    PersonalDataProtector protector, ICurrentUser user, TextCatalog texts, TimeProvider clock)
{
    private const int MaxSummaryLength = 2000;
    public const string NoIdAtIntake = "信访登记时未提供身份证件";

    private static readonly string[] ExclusionKeys =
        [nameof(HandOverPetitionInput.SpecialisedBodyMatter), nameof(HandOverPetitionInput.LitigationOrArbitration),
         nameof(HandOverPetitionInput.AdministrativeDispute), nameof(HandOverPetitionInput.CriminalMatter), nameof(HandOverPetitionInput.AccusationMatter),
         nameof(HandOverPetitionInput.PersonalStatusMatter), nameof(HandOverPetitionInput.PartyRefuses)];

    public async Task<HandOverCheckDto> CheckAsync(Guid id, CancellationToken ct)
    {
        var petition = await petitions.FindAsync(id, ct);
        var refusal = petition.HandOverRefusal(null);
        var committees = refusal is null ? await cases.ListCommitteesAsync(petition.OrgUnitId, ct) : [];
        var culture = CultureInfo.CurrentUICulture;
        var dto = await petitions.ToDtoAsync(petition, ct);
        return new HandOverCheckDto(petition.Id, petition.Number, petition.Status, refusal is null, refusal,
            refusal is null ? null : texts.Find(refusal, culture) ?? refusal,
            ExclusionKeys.Select(k => new HandOverQuestionDto(char.ToLowerInvariant(k[0]) + k[1..], texts.Find("Petitions:HandOverQuestion:" + k, culture) ?? k)).ToList(),
            dto.Petitioners, committees, Enum.GetValues<DisputeType>(), DefaultSummary(petition), dto.Mediation, petition.ConcurrencyStamp);
    }

    public async Task<PetitionDto> HandOverAsync(Guid id, HandOverPetitionInput input, CancellationToken ct)
    {
        Validate(input);
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var consenting = (input.PetitionerConsents ?? []).Where(c => c.Consents == true).Select(c => c.Position).ToHashSet();
        var committee = input.SpecialisedBodyMatter is true
            ? (await cases.ListCommitteesAsync(petition.OrgUnitId, ct)).FirstOrDefault(c => c.Id == input.CommitteeId)
            : null;
        var declaration = new HandOverDeclaration(input.SpecialisedBodyMatter!.Value, input.LitigationOrArbitration!.Value,
            input.AdministrativeDispute!.Value, input.PartyRefuses!.Value,
            petition.Petitioners.All(p => consenting.Contains(p.Position)) && input.OtherParties!.All(p => p.Consents == true),
            input.CriminalMatter!.Value, input.AccusationMatter!.Value, input.PersonalStatusMatter!.Value,
            committee is { Kind: CommitteeKind.Specialised } && committee.Specialty == input.SpecialisedMatter);
        if (petition.HandOverRefusal(declaration) is { } refusal) throw new BusinessException(refusal);

        // A petitioner registered without a 身份证号 goes over as a person with no document recorded, and says why.
        var parties = petition.Petitioners.OrderBy(p => p.Position)
            .Select(p => new PartyInput(PartyKind.Person, p.Name, p.IdCardCipher is null ? null : protector.Decrypt(p.IdCardCipher), null, null,
                p.PhoneCipher is null ? null : protector.Decrypt(p.PhoneCipher), p.Address, ConsentsToMediation: true,
                IdDocumentKind: p.IdCardCipher is null ? IdDocumentKind.None : IdDocumentKind.ResidentIdCard,
                NoIdReason: p.IdCardCipher is null ? NoIdAtIntake : null))
            .Concat(input.OtherParties!.Select(p => new PartyInput(p.Kind, p.Name?.Trim(), p.IdCardNumber?.Trim(), p.CreditCode?.Trim(),
                p.Representative?.Trim(), p.Phone?.Trim(), p.Address?.Trim(), ConsentsToMediation: true, IdDocumentKind: p.IdDocumentKind,
                IdDocumentNumber: p.IdDocumentNumber?.Trim(), NoIdReason: p.NoIdReason?.Trim())))
            .ToList();
        var summary = string.IsNullOrWhiteSpace(input.Summary) ? DefaultSummary(petition) : input.Summary.Trim();
        var now = clock.GetUtcNow();

        // The Cases module joins this transaction: a refusal there (a committee out of scope, a party's details) leaves the petition as it was.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registered = await cases.RegisterHandedOverCaseAsync(new HandOverCaseRequest(input.CommitteeId!.Value, petition.Id.ToString(),
            input.DisputeType!.Value, summary, parties, Place: petition.Place), ct);
        petition.HandOverToMediation(declaration, registered.CaseId, registered.Number, user.UserName, now);
        // The 60 days keep running while the committee mediates (Art. 34 knows no pause).
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    private static string DefaultSummary(Petition petition) =>
        petition.Matter.Length > MaxSummaryLength ? petition.Matter[..MaxSummaryLength] : petition.Matter;

    private static void Validate(HandOverPetitionInput input)
    {
        var check = new InputValidator()
            .Required(input.CommitteeId, "committeeId")
            .Required(input.DisputeType, "disputeType")
            .MaxLength(input.Summary, MaxSummaryLength, "summary")
            .Required(input.SpecialisedBodyMatter, "specialisedBodyMatter")
            .Required(input.LitigationOrArbitration, "litigationOrArbitration")
            .Required(input.AdministrativeDispute, "administrativeDispute")
            .Required(input.CriminalMatter, "criminalMatter")
            .Required(input.AccusationMatter, "accusationMatter")
            .Required(input.PersonalStatusMatter, "personalStatusMatter")
            .Required(input.PartyRefuses, "partyRefuses");
        if (input.SpecialisedBodyMatter is true) check.Required(input.SpecialisedMatter, "specialisedMatter");
        var others = input.OtherParties ?? [];
        if (others.Count == 0) check.Add("otherParties", PetitionsErrorCodes.HandOverNeedsOtherParty);
        for (var i = 0; i < others.Count; i++)
        {
            var field = $"otherParties[{i}]";
            check.Required(others[i].Kind, field + ".kind").Required(others[i].Name, field + ".name").MaxLength(others[i].Name, 100, field + ".name")
                .MaxLength(others[i].Representative, 100, field + ".representative").MaxLength(others[i].Address, 300, field + ".address")
                .Required(others[i].Consents, field + ".consents");
        }
        check.ThrowIfInvalid();
    }
}
