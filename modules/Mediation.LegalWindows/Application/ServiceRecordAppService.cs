using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Numbering;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.LegalWindows.Domain;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>The four services: recorded by the advisor on duty, numbered per window and year; the 代办 errand's flow and clock.</summary>
internal sealed class ServiceRecordAppService(MediationDbContext db, WindowAppService windows, AdvisorScope scope, INumberSequence numbers,
    IDeadlineClocks clocks, PersonalDataProtector protector, SecurityAuditLog auditLog, ICurrentUser user, IUserDirectory users, TimeProvider clock)
{
    public const string RecordType = nameof(ServiceRecord);
    public const string NumberKind = "legal-windows.service";
    private static readonly string[] RevealedFields = ["IdCardNumber", "Phone"];

    public async Task<ServiceRecordDto> RecordAsync(RecordServiceInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (person, details) = Validate(input, now);
        var window = await windows.FindWindowAsync(input.WindowId!.Value, ct);
        var advisor = await scope.CurrentAdvisorAsync(ct) ?? throw new BusinessException(LegalWindowsErrorCodes.NotAdvisorOfWindow);
        var servedAt = input.ServedAt ?? now;
        var year = ChinaTime.ToChina(servedAt).Year;

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var sequence = await numbers.NextAsync(NumberKind, window.Id, year, ct);
        var record = ServiceRecord.Record(Guid.CreateVersion7(), window, advisor, OfficialNumber.Format(window.ShortName, year, sequence), year, sequence,
            input.Kind!.Value, servedAt, person, details, now);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        // The errand's due date runs from the day it was accepted at the window, on the module's own policy.
        if (record.Kind is ServiceKind.CivilAgency)
            await clocks.StartAsync(new StartClockInput(RecordType, record.Id, record.OrgUnitId, LegalWindowPolicies.Errand, servedAt, user.UserName), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return await ToDtoAsync(record, ct);
    }

    public async Task<ServiceRecordDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindAsync(id, ct), ct);

    public async Task<RevealedPersonDto> RevealAsync(Guid id, CancellationToken ct)
    {
        var record = await FindAsync(id, ct);
        await auditLog.WriteAsync(AuditActions.PersonalDataRevealed, new { fields = RevealedFields }, entityType: nameof(ServiceRecord),
            entityId: id.ToString(), ct: ct);
        return new RevealedPersonDto(record.IdCardCipher is null ? null : protector.Decrypt(record.IdCardCipher),
            record.PhoneCipher is null ? null : protector.Decrypt(record.PhoneCipher));
    }

    public async Task<ServiceRecordDto> StartErrandAsync(Guid id, ErrandStepInput input, CancellationToken ct)
    {
        new InputValidator().MaxLength(input.Note, 1000, "note").ThrowIfInvalid();
        var record = await FindAsync(id, ct);
        db.ExpectConcurrencyStamp(record, input.ConcurrencyStamp);
        record.StartErrand(input.Note?.Trim());
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(record, ct);
    }

    /// <summary>Done (what was done) or cannot be done (why): the errand closes and its clock stops.</summary>
    public async Task<ServiceRecordDto> CloseErrandAsync(Guid id, bool done, ErrandStepInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Note, "note").MaxLength(input.Note, 1000, "note").ThrowIfInvalid();
        var record = await FindAsync(id, ct);
        db.ExpectConcurrencyStamp(record, input.ConcurrencyStamp);
        record.CloseErrand(done, input.Note!.Trim(), clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var running in (await clocks.ForRecordAsync(RecordType, record.Id, ct)).Where(c => c.Status != ClockStatus.Stopped))
            await clocks.StopAsync(running.Id, new StopClockInput(done ? "代办办结" : "代办不能办理", user.UserName, running.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(record, ct);
    }

    internal async Task<ServiceRecord> FindAsync(Guid id, CancellationToken ct) =>
        await (await scope.RecordsAsync(ct)).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException(nameof(ServiceRecord), id);

    internal async Task<ServiceRecordDto> ToDtoAsync(ServiceRecord r, CancellationToken ct)
    {
        var window = await db.Set<LegalWindow>().AsNoTracking().Where(w => w.Id == r.WindowId).Select(w => w.Name).SingleAsync(ct);
        var advisor = (await windows.AdvisorNamesAsync([r.AdvisorId], ct)).GetValueOrDefault(r.AdvisorId, "?");
        ErrandDto? errand = null;
        if (r.ErrandStatus is { } status)
        {
            var due = (await clocks.ForRecordAsync(RecordType, r.Id, ct)).Where(c => c.Policy == LegalWindowPolicies.Errand).MaxBy(c => c.StartedAt);
            errand = new ErrandDto(status, due?.DueDate, due?.DueAt, r.ErrandNote, r.ErrandClosedAt);
        }
        var referrer = r.CaseId is null ? null : (await users.DescribeActorsAsync([r.ReferredBy], ct)).Named(r.ReferredBy);
        var referral = r.CaseId is { } caseId
            ? new ReferralDto(caseId, r.CaseNumber!, r.ReferredAt!.Value, r.ReferredBy,
                (r.ConsentingParties ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), r.ReferralResult, r.ReferralConcludedAt, r.ReferralDetail,
                referrer?.DisplayName, referrer?.UnitName)
            : null;
        return new ServiceRecordDto(r.Id, r.Number, r.WindowId, window, r.OrgUnitId, r.AdvisorId, advisor, r.Kind, r.ServedAt, r.PersonName,
            r.IdCardMasked, r.PhoneMasked, r.Matter, r.Advice, r.Minutes, r.LawsCited, r.FollowUpNeeded, r.FollowUpNote, r.Topic, r.Place,
            r.Attendance, errand, referral, r.DocumentId, r.ConcurrencyStamp,
            r.ParticipationCaseId is { } joined ? new MediationParticipationDto(joined, r.ParticipationCaseNumber!, r.ParticipationSessionNumber!.Value) : null);
    }

    private (ServedPerson? Person, ServiceDetails Details) Validate(RecordServiceInput input, DateTimeOffset now)
    {
        var check = new InputValidator()
            .Required(input.WindowId, "windowId")
            .Required(input.Kind, "kind")
            .Happened(input.ServedAt, now, "servedAt")
            .MaxLength(input.Matter, 2000, "matter")
            .MaxLength(input.Advice, 4000, "advice")
            .MaxLength(input.LawsCited, 1000, "lawsCited")
            .MaxLength(input.FollowUpNote, 500, "followUpNote")
            .MaxLength(input.Topic, 200, "topic")
            .MaxLength(input.Place, 200, "place")
            .InRange(input.Minutes, 1, 24 * 60, "minutes")
            .InRange(input.Attendance, 1, 100_000, "attendance");
        var person = input.Person;
        var needsPerson = input.Kind is not ServiceKind.PublicWelfare;
        if (needsPerson || person is not null)
        {
            check.Required(person?.Name, "person.name").MaxLength(person?.Name, 100, "person.name");
            if (person?.IdCardNumber is { Length: > 0 } id && !ChineseIdentifiers.IsValidIdCardNumber(ChineseIdentifiers.Normalize(id)))
                check.Add("person.idCardNumber", LegalWindowsErrorCodes.IdCardInvalid);
            if (person?.Phone is { Length: > 0 } phone && !ChineseIdentifiers.IsValidMobile(phone.Trim()))
                check.Add("person.phone", LegalWindowsErrorCodes.PhoneInvalid);
        }
        switch (input.Kind)
        {
            case ServiceKind.Consultation:
                check.Required(input.Matter, "matter").Required(input.Advice, "advice").Required(input.Minutes, "minutes");
                break;
            case ServiceKind.CivilAgency:
            case ServiceKind.CivilMediation:
                check.Required(input.Matter, "matter");
                break;
            case ServiceKind.PublicWelfare:
                check.Required(input.Topic, "topic").Required(input.Place, "place").Required(input.Attendance, "attendance");
                break;
        }
        if (input.FollowUpNeeded is true) check.Required(input.FollowUpNote, "followUpNote");
        check.ThrowIfInvalid();
        var served = person is null || string.IsNullOrWhiteSpace(person.Name) ? null : new ServedPerson(person.Name.Trim(),
            person.IdCardNumber is { Length: > 0 } idCard ? protector.Protect(PersonalDataKind.IdCardNumber, ChineseIdentifiers.Normalize(idCard)) : null,
            person.Phone is { Length: > 0 } mobile ? protector.Protect(PersonalDataKind.Mobile, mobile.Trim()) : null);
        return (served, new ServiceDetails(input.Matter?.Trim(), input.Advice?.Trim(), input.Minutes, input.LawsCited?.Trim(),
            input.FollowUpNeeded is true, input.FollowUpNote?.Trim(), input.Topic?.Trim(), input.Place?.Trim(), input.Attendance));
    }
}
