using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Mediation.Core.Validation;

namespace Mediation.Cases.Application;

/// <summary>The one-month mediation term (《人民调解工作若干规定》) and its continuation with every party's recorded consent.</summary>
internal sealed class CaseTermAppService(MediationDbContext db, CaseAppService cases, ICurrentUser user, IDeadlineClocks clocks, TimeProvider clock,
    IUserDirectory users)
{
    public const int DefaultContinuationDays = 30;

    public async Task<MediationTermDto> GetAsync(Guid id, CancellationToken ct)
    {
        var mediationCase = await cases.FindCaseAsync(id, ct);
        return await ToDtoAsync(mediationCase, await TermClockAsync(mediationCase.Id, ct), ct);
    }

    public async Task<MediationTermDto> ContinueAsync(Guid id, ContinueMediationInput input, CancellationToken ct)
    {
        var check = new InputValidator()
            .Required(input.ConsentedOn, "consentedOn").Happened(input.ConsentedOn, clock.GetUtcNow(), "consentedOn")
            .Planned(input.Until, clock.GetUtcNow(), "until")
            .InRange(input.Days, 1, 366, "days")
            .MaxLength(input.Note, 1000, "note");
        if (input.ConsentingPartyIds is not { Count: > 0 }) check.Add("consentingPartyIds", CoreErrorCodes.Validation.Required);
        if (input.Days is not null && input.Until is not null) check.Add("until", CasesErrorCodes.DaysOrUntil);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        if (input.ConsentedOn is { } consented && consented > today) check.Add("consentedOn", CasesErrorCodes.ConsentInFuture);
        check.ThrowIfInvalid();

        var mediationCase = await cases.FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        var term = await TermClockAsync(mediationCase.Id, ct);
        var previousDue = term.DueDate;
        var newDue = input.Until ?? (previousDue ?? today).AddDays(input.Days ?? DefaultContinuationDays);
        // A paused term has no due date; the continuation then counts from today.
        if (previousDue is null && newDue <= today)
            throw new BusinessException(CasesErrorCodes.TermNotLonger, new Dictionary<string, object?> { ["due"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var continuation = mediationCase.ContinueMediation(input.ConsentingPartyIds!, input.ConsentedOn!.Value, previousDue, newDue,
            string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), user.UserName, clock.GetUtcNow());
        // Only an owned row is added; touching the case renews its stamp so a stale second continuation is a 409.
        db.Entry(mediationCase).Property(c => c.Status).IsModified = true;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var extended = await clocks.ExtendAsync(term.Id, new ExtendClockInput(previousDue is null ? newDue.DayNumber - today.DayNumber : continuation.Days,
            user.UserName ?? "mediator", $"各方当事人于{continuation.ConsentedOn:yyyy-MM-dd}同意继续调解（第{continuation.Sequence}次）", term.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(mediationCase, extended, ct);
    }

    private async Task<DeadlineClockDto> TermClockAsync(Guid caseId, CancellationToken ct) =>
        (await clocks.ForRecordAsync(CaseAppService.RecordType, caseId, ct)).FirstOrDefault(c => c.Policy == CasesPolicies.Term)
        ?? throw new BusinessException(CasesErrorCodes.TermClockMissing);

    /// <summary>The term with who recorded each continuation named, in one directory query.</summary>
    private async Task<MediationTermDto> ToDtoAsync(MediationCase c, DeadlineClockDto term, CancellationToken ct)
    {
        var actors = await users.DescribeActorsAsync(c.Continuations.Select(x => x.RecordedBy), ct);
        return new(c.Id, term.Id, term.DueDate, term.DueAt, term.Status, term.ExtensionDays,
            c.Continuations.OrderBy(x => x.Sequence).Select(x => new TermContinuationDto(x.Sequence,
                x.ConsentingPartyIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(), x.ConsentedOn, x.PreviousDueDate,
                x.NewDueDate, x.Days, x.Note, x.RecordedBy, x.RecordedAt, actors.Named(x.RecordedBy)?.DisplayName, actors.Named(x.RecordedBy)?.UnitName)).ToList(),
            c.ConcurrencyStamp);
    }
}
