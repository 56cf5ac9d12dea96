using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

internal sealed record CaseListFilter(bool OnlyMine, CaseStatus? Status, RiskGrade? Risk, DateOnly? DueFrom = null, DateOnly? DueTo = null);

/// <summary>The workbench's filters of the list: past the term, or within three working days of it.</summary>
internal enum CaseDueFilter
{
    Overdue,
    Soon,
}

internal sealed record CaseListPartyDto(PartyKind Kind, string Name);

/// <summary>
/// One row of "my cases"; DueDate is that of the running mediation-term clock (none while paused or once concluded);
/// StatutoryDueDate the one-month term it was before the parties agreed to continue, when they did.
/// </summary>
internal sealed record CaseListItemDto(Guid Id, string Number, DisputeType DisputeType, CaseStatus Status, RiskGrade RiskGrade,
    IReadOnlyList<CaseListPartyDto> Parties, DateOnly? DueDate, DateTimeOffset RegisteredAt, DateOnly? StatutoryDueDate = null);

/// <summary>
/// The mediator's work list: due soonest first (overdue on top, the higher risk first on the same day), undated open cases next, concluded last.
/// "Mine" means assigned to the user or in a committee he heads; the data scope narrows everything to his unit.
/// </summary>
internal sealed class CaseListQuery(MediationDbContext db, ICurrentUser user, IDeadlineClocks clocks)
{
    public const int MaxRows = 500;

    /// <summary>The filter of the list the workbench links to: overdue is before today, soon is today up to three working days on.</summary>
    public async Task<CaseListFilter> DueFilterAsync(bool onlyMine, CaseDueFilter due, DateOnly today, CancellationToken ct) => due switch
    {
        CaseDueFilter.Overdue => new CaseListFilter(onlyMine, null, null, null, today.AddDays(-1)),
        _ => new CaseListFilter(onlyMine, null, null, today, await clocks.WorkingDaysAfterAsync(today, DueSoonWorkingDays, ct)),
    };

    public const int DueSoonWorkingDays = 3;

    public async Task<IReadOnlyList<CaseListItemDto>> ListAsync(CaseListFilter filter, CancellationToken ct)
    {
        var cases = db.Set<MediationCase>().AsNoTracking();
        if (filter.OnlyMine)
        {
            var userId = user.Id ?? Guid.Empty;
            cases = cases.Where(c => c.Mediators.Any(m => m.UserId == userId)
                                     || db.Set<MediationCommittee>().Any(k => k.Id == c.CommitteeId && k.Mediators.Any(m => m.UserId == userId && m.IsHead)));
        }
        if (filter.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (filter.Risk is { } risk) cases = cases.Where(c => c.RiskGrade == risk);

        var open = clocks.OpenClocks(CaseAppService.RecordType);
        var rows = cases.Select(c => new
        {
            Case = c,
            DueDate = open
                .Where(k => k.RecordId == c.Id && k.Policy == CasesPolicies.Term && k.Status == ClockStatus.Running)
                .Select(k => k.DueDate)
                .Max(),
        });
        if (filter.DueFrom is { } from) rows = rows.Where(r => r.DueDate >= from);
        if (filter.DueTo is { } to) rows = rows.Where(r => r.DueDate <= to);
        var items = await rows
            .OrderBy(r => r.Case.Status == CaseStatus.Concluded ? 1 : 0)
            .ThenBy(r => r.DueDate == null ? 1 : 0)
            .ThenBy(r => r.DueDate)
            .ThenByDescending(r => r.Case.RiskGrade)
            .ThenByDescending(r => r.Case.Year).ThenByDescending(r => r.Case.SequenceNumber)
            .Take(MaxRows)
            .Select(r => new CaseListItemDto(r.Case.Id, r.Case.Number, r.Case.DisputeType, r.Case.Status, r.Case.RiskGrade,
                r.Case.Parties.OrderBy(p => p.Position).Select(p => new CaseListPartyDto(p.Kind, p.Name)).ToList(),
                r.DueDate, r.Case.RegisteredAt))
            .ToListAsync(ct);

        var dated = items.Where(i => i.DueDate is not null).Select(i => i.Id).ToList();
        var continued = await open.Where(k => dated.Contains(k.RecordId) && k.Policy == CasesPolicies.Term && k.Status == ClockStatus.Running && k.ExtensionDays > 0)
            .Select(k => new { k.RecordId, k.StartedAt }).ToListAsync(ct);
        if (continued.Count == 0) return items;
        var statutory = new Dictionary<Guid, DateOnly>();
        foreach (var k in continued) statutory[k.RecordId] = (await clocks.PreviewAsync(CasesPolicies.Term, k.StartedAt, ct)).DueDate;
        return items.Select(i => statutory.TryGetValue(i.Id, out var d) ? i with { StatutoryDueDate = d } : i).ToList();
    }
}
