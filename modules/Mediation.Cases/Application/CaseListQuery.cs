using System.Runtime.CompilerServices;
using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

internal sealed record CaseListFilter(bool OnlyMine, CaseStatus? Status, RiskGrade? Risk, DateOnly? DueFrom = null, DateOnly? DueTo = null)
{
    /// <summary>Registered on or after the start of this China day.</summary>
    public DateOnly? RegisteredFrom { get; init; }

    /// <summary>Registered up to the end of this China day.</summary>
    public DateOnly? RegisteredTo { get; init; }

    /// <summary>Path of the unit whose subtree's cases are listed (already checked to lie in the caller's scope).</summary>
    public string? UnitPath { get; init; }

    public DisputeType? DisputeType { get; init; }

    public Guid? CommitteeId { get; init; }

    public bool OpenOnly { get; init; }

    public CaseListSort Sort { get; init; } = CaseListSort.Due;

    /// <summary>The API's order when no sort is asked for: the latest number first, per committee and year.</summary>
    public bool NumberOrder { get; init; }
}

/// <summary>The workbench's filters of the list: past the term, or within three working days of it.</summary>
internal enum CaseDueFilter
{
    Overdue,
    Soon,
}

/// <summary>The list's order: due soonest first (the work list), or by registration, the latest or the earliest first.</summary>
internal enum CaseListSort
{
    Due,
    Newest,
    Oldest,
}

/// <summary>
/// The list as its address carries it (/Cases?status=…&amp;from=…): the page, the API and the ledger export read the same criteria,
/// so an export holds exactly the rows the list showed. <see cref="All"/>: every case in scope rather than the mediator's own.
/// </summary>
internal sealed record CaseListCriteria(CaseStatus? Status = null, RiskGrade? Risk = null, CaseDueFilter? Due = null, DateOnly? From = null,
    DateOnly? To = null, Guid? OrgUnitId = null, DisputeType? DisputeType = null, CaseListSort? Sort = null, bool All = false);

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
internal sealed class CaseListQuery(MediationDbContext db, ICurrentUser user, IDeadlineClocks clocks, IOrgUnitDirectory units, IDataScope scope, TimeProvider clock)
{
    public const int DueSoonWorkingDays = 3;

    /// <summary>The filter of the list the workbench links to: overdue is before today, soon is today up to three working days on.</summary>
    public async Task<CaseListFilter> DueFilterAsync(bool onlyMine, CaseDueFilter due, DateOnly today, CancellationToken ct) => due switch
    {
        CaseDueFilter.Overdue => new CaseListFilter(onlyMine, null, null, null, today.AddDays(-1)),
        _ => new CaseListFilter(onlyMine, null, null, today, await clocks.WorkingDaysAfterAsync(today, DueSoonWorkingDays, ct)),
    };

    /// <summary>
    /// The criteria checked, before anything is read: a reversed date range, or a unit that is unknown or outside the caller's scope,
    /// is a 400 on its field. A mediator (who records sessions) sees his own cases unless <see cref="CaseListCriteria.All"/>.
    /// </summary>
    public async Task<CaseListFilter> FilterAsync(CaseListCriteria c, CancellationToken ct)
    {
        var validator = new InputValidator().DateRange(c.From, c.To, CasesErrorCodes.ListRangeReversed);
        var unitPath = await validator.UnitPathAsync(c.OrgUnitId, units, scope, CasesErrorCodes.ListUnitNotInScope, ct);
        validator.ThrowIfInvalid();

        var onlyMine = user.HasPermission(CasesPermissions.Sessions.Record) && !c.All;
        var filter = c.Due is { } due
            ? await DueFilterAsync(onlyMine, due, ChinaTime.DateOf(clock.GetUtcNow()), ct)
            : new CaseListFilter(onlyMine, null, null);
        return filter with
        {
            Status = c.Status, Risk = c.Risk, RegisteredFrom = c.From, RegisteredTo = c.To, UnitPath = unitPath, DisputeType = c.DisputeType,
            Sort = c.Sort ?? CaseListSort.Due,
        };
    }

    public async Task<PagedList<CaseListItemDto>> PageAsync(CaseListFilter filter, Paging paging, CancellationToken ct)
    {
        var rows = Rows(filter);
        var total = await rows.CountAsync(ct);
        var items = paging.Skip >= total ? [] : await Project(rows.Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new PagedList<CaseListItemDto>(await WithStatutoryDatesAsync(items, ct), paging.Page, paging.PageSize, total);
    }

    public async Task<int> CountAsync(CaseListFilter filter, CancellationToken ct) => await Rows(filter).CountAsync(ct);

    public Task<PagedList<CaseSummaryDto>> SummariesAsync(CaseListFilter filter, Paging paging, CancellationToken ct) =>
        Rows(filter).Select(r => new CaseSummaryDto(r.Case.Id, r.Case.Number, r.Case.DisputeType, r.Case.Summary, r.Case.Status, r.Case.RiskGrade,
            r.Case.CommitteeId, r.Case.RegisteredAt)).ToPagedListAsync(paging, ct);

    /// <summary>Every row of the filtered list in the list's order, read in pages so that a county's ledger never sits in memory at once.</summary>
    public async IAsyncEnumerable<CaseListItemDto> AllAsync(CaseListFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var items = await Project(Rows(filter).Skip(skip).Take(batch)).ToListAsync(ct);
            foreach (var item in await WithStatutoryDatesAsync(items, ct)) yield return item;
            if (items.Count < batch) yield break;
        }
    }

    // Member-initialised, not positional: EF translates a filter or an order on it.
    private sealed class Row
    {
        public MediationCase Case { get; init; } = null!;

        public DateOnly? DueDate { get; init; }
    }

    private IQueryable<Row> Rows(CaseListFilter filter)
    {
        var cases = db.Set<MediationCase>().AsNoTracking();
        if (filter.OnlyMine)
        {
            var userId = user.Id ?? Guid.Empty;
            cases = cases.Where(c => c.Mediators.Any(m => m.UserId == userId)
                                     || db.Set<MediationCommittee>().Any(k => k.Id == c.CommitteeId && k.Mediators.Any(m => m.UserId == userId && m.IsHead)));
        }
        if (filter.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (filter.OpenOnly) cases = cases.Where(c => c.Status != CaseStatus.Concluded);
        if (filter.Risk is { } risk) cases = cases.Where(c => c.RiskGrade == risk);
        if (filter.DisputeType is { } type) cases = cases.Where(c => c.DisputeType == type);
        if (filter.CommitteeId is { } committee) cases = cases.Where(c => c.CommitteeId == committee);
        cases = cases.InSubtree(units, filter.UnitPath, c => c.OrgUnitId).OnDays(filter.RegisteredFrom, filter.RegisteredTo, c => c.RegisteredAt);

        var open = clocks.OpenClocks(CaseAppService.RecordType);
        var rows = cases.Select(c => new Row
        {
            Case = c,
            DueDate = open
                .Where(k => k.RecordId == c.Id && k.Policy == CasesPolicies.Term && k.Status == ClockStatus.Running)
                .Select(k => k.DueDate)
                .Max(),
        });
        if (filter.DueFrom is { } dueFrom) rows = rows.Where(r => r.DueDate >= dueFrom);
        if (filter.DueTo is { } dueTo) rows = rows.Where(r => r.DueDate <= dueTo);
        if (filter.NumberOrder) return rows.OrderByDescending(r => r.Case.Year).ThenByDescending(r => r.Case.SequenceNumber).ThenBy(r => r.Case.Id);
        return filter.Sort switch
        {
            CaseListSort.Newest => rows.OrderByDescending(r => r.Case.RegisteredAt).ThenByDescending(r => r.Case.Id),
            CaseListSort.Oldest => rows.OrderBy(r => r.Case.RegisteredAt).ThenBy(r => r.Case.Id),
            _ => rows
                .OrderBy(r => r.Case.Status == CaseStatus.Concluded ? 1 : 0)
                .ThenBy(r => r.DueDate == null ? 1 : 0)
                .ThenBy(r => r.DueDate)
                .ThenByDescending(r => r.Case.RiskGrade)
                .ThenByDescending(r => r.Case.Year).ThenByDescending(r => r.Case.SequenceNumber)
                .ThenBy(r => r.Case.Id),
        };
    }

    private static IQueryable<CaseListItemDto> Project(IQueryable<Row> rows) =>
        rows.Select(r => new CaseListItemDto(r.Case.Id, r.Case.Number, r.Case.DisputeType, r.Case.Status, r.Case.RiskGrade,
            r.Case.Parties.OrderBy(p => p.Position).Select(p => new CaseListPartyDto(p.Kind, p.Name)).ToList(),
            r.DueDate, r.Case.RegisteredAt, null));

    private async Task<IReadOnlyList<CaseListItemDto>> WithStatutoryDatesAsync(IReadOnlyList<CaseListItemDto> items, CancellationToken ct)
    {
        var dated = items.Where(i => i.DueDate is not null).Select(i => i.Id).ToList();
        if (dated.Count == 0) return items;
        var continued = await clocks.OpenClocks(CaseAppService.RecordType)
            .Where(k => dated.Contains(k.RecordId) && k.Policy == CasesPolicies.Term && k.Status == ClockStatus.Running && k.ExtensionDays > 0)
            .Select(k => new { k.RecordId, k.StartedAt }).ToListAsync(ct);
        if (continued.Count == 0) return items;
        var statutory = new Dictionary<Guid, DateOnly>();
        foreach (var k in continued) statutory[k.RecordId] = (await clocks.PreviewAsync(CasesPolicies.Term, k.StartedAt, ct)).DueDate;
        return items.Select(i => statutory.TryGetValue(i.Id, out var d) ? i with { StatutoryDueDate = d } : i).ToList();
    }
}
