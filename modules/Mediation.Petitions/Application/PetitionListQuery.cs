using System.Runtime.CompilerServices;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Petitions.Application;

/// <summary>The workbench's filters of the queue: a running clock past its time, or falling due within three working days.</summary>
internal enum PetitionDueFilter
{
    Overdue,
    Soon,
}

/// <summary>The queue's order: the running clock due first (the work queue), or by receipt, the latest or the earliest first.</summary>
internal enum PetitionListSort
{
    Due,
    Newest,
    Oldest,
}

/// <summary>
/// The queue as its address carries it (/Petitions?status=…&amp;from=…): the page, GET /api/petitions and the ledger export read the same
/// criteria, so the export holds exactly the listed rows. <see cref="SignOff"/>: only opinions waiting for the caller's sign-off.
/// </summary>
internal sealed record PetitionListCriteria(PetitionStatus? Status = null, PetitionCategory? Category = null, PetitionDueFilter? Due = null,
    DateOnly? From = null, DateOnly? To = null, Guid? OrgUnitId = null, PetitionListSort? Sort = null, bool SignOff = false);

/// <summary>
/// Filters, sorts and pages the petitions in the database. Dates are China days of receipt; the unit is a subtree inside the caller's
/// scope; "overdue" and "soon" read the earliest running clock, as the due column shows it.
/// </summary>
internal sealed class PetitionListQuery(PetitionAppService petitions, IDeadlineClocks clocks, IOrgUnitDirectory units, IDataScope scope,
    IServiceProvider services, TimeProvider clock)
{
    public const int DueSoonWorkingDays = 3;

    /// <summary>Checked before anything is read: a reversed range or a unit unknown or outside the caller's scope is a 400 on its field.</summary>
    public async Task<Filter> FilterAsync(PetitionListCriteria c, CancellationToken ct)
    {
        var validator = new InputValidator().DateRange(c.From, c.To, PetitionsErrorCodes.ListRangeReversed);
        var unitPath = await validator.UnitPathAsync(c.OrgUnitId, units, scope, PetitionsErrorCodes.ListUnitNotInScope, ct);
        validator.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        DateTimeOffset? dueBefore = null, dueFrom = null;
        if (c.Due is PetitionDueFilter.Overdue) dueBefore = now;
        if (c.Due is PetitionDueFilter.Soon)
        {
            dueFrom = now;
            dueBefore = ChinaTime.StartOfDay((await clocks.WorkingDaysAfterAsync(ChinaTime.DateOf(now), DueSoonWorkingDays, ct)).AddDays(1)).ToUniversalTime();
        }
        return new Filter(c, unitPath, dueFrom, dueBefore);
    }

    internal sealed record Filter(PetitionListCriteria Criteria, string? UnitPath, DateTimeOffset? DueFrom, DateTimeOffset? DueBefore);

    public async Task<PagedList<PetitionSummaryDto>> PageAsync(Filter filter, Paging paging, CancellationToken ct)
    {
        var rows = Rows(filter);
        var total = await rows.CountAsync(ct);
        var items = paging.Skip >= total ? [] : await rows.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<PetitionSummaryDto>(await SummariesAsync(items, ct), paging.Page, paging.PageSize, total);
    }

    public Task<int> CountAsync(Filter filter, CancellationToken ct) => Rows(filter).CountAsync(ct);

    /// <summary>Every row of the filtered queue in its order, read a batch at a time.</summary>
    public async IAsyncEnumerable<PetitionSummaryDto> AllAsync(Filter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var items = await Rows(filter).Skip(skip).Take(batch).ToListAsync(ct);
            foreach (var item in await SummariesAsync(items, ct)) yield return item;
            if (items.Count < batch) yield break;
        }
    }

    // Member-initialised, not positional: EF translates a filter or an order on it.
    internal sealed class Row
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public PetitionChannel Channel { get; init; }
        public PetitionStatus Status { get; init; }
        public string Matter { get; init; } = "";
        public Guid OrgUnitId { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string? DuePolicy { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public DateTimeOffset? DueStartedAt { get; init; }
        public int? DueExtensionDays { get; init; }
    }

    private IQueryable<Row> Rows(Filter filter)
    {
        var c = filter.Criteria;
        var visible = (c.SignOff ? PetitionWorkbenchCards.AwaitingMySignOff(services) : petitions.Visible()).AsNoTracking();
        if (c.Status is { } status) visible = visible.Where(p => p.Status == status);
        if (c.Category is { } category) visible = visible.Where(p => p.Category == category);
        visible = visible.InSubtree(units, filter.UnitPath, p => p.OrgUnitId).OnDays(c.From, c.To, p => p.ReceivedAt);
        var running = clocks.OpenClocks(Petition.RecordType).Where(k => k.DueAt != null);
        var rows = visible.Select(p => new
        {
            Petition = p,
            Due = running.Where(k => k.RecordId == p.Id).OrderBy(k => k.DueAt).Select(k => new { k.Policy, k.DueAt, k.StartedAt, k.ExtensionDays }).FirstOrDefault(),
        });
        if (filter.DueFrom is { } dueFrom) rows = rows.Where(r => r.Due != null && r.Due.DueAt >= dueFrom);
        if (filter.DueBefore is { } dueBefore) rows = rows.Where(r => r.Due != null && r.Due.DueAt < dueBefore);
        var ordered = (c.Sort ?? PetitionListSort.Due) switch
        {
            PetitionListSort.Newest => rows.OrderByDescending(r => r.Petition.ReceivedAt).ThenBy(r => r.Petition.Id),
            PetitionListSort.Oldest => rows.OrderBy(r => r.Petition.ReceivedAt).ThenBy(r => r.Petition.Id),
            _ => rows.OrderBy(r => r.Due == null).ThenBy(r => r.Due!.DueAt).ThenByDescending(r => r.Petition.ReceivedAt).ThenBy(r => r.Petition.Id),
        };
        return ordered.Select(r => new Row
        {
            Id = r.Petition.Id, Number = r.Petition.Number, Channel = r.Petition.Channel, Status = r.Petition.Status, Matter = r.Petition.Matter,
            OrgUnitId = r.Petition.OrgUnitId, ReceivedAt = r.Petition.ReceivedAt, DuePolicy = r.Due!.Policy, DueAt = r.Due!.DueAt,
            DueStartedAt = (DateTimeOffset?)r.Due!.StartedAt, DueExtensionDays = (int?)r.Due!.ExtensionDays,
        });
    }

    private async Task<IReadOnlyList<PetitionSummaryDto>> SummariesAsync(List<Row> rows, CancellationToken ct)
    {
        var result = new List<PetitionSummaryDto>(rows.Count);
        foreach (var p in rows)
        {
            var statutory = p is { DueExtensionDays: > 0, DuePolicy: { } policy, DueStartedAt: { } started }
                ? (await clocks.PreviewAsync(policy, started, ct)).DueDate : (DateOnly?)null;
            result.Add(new PetitionSummaryDto(p.Id, p.Number, p.Channel, p.Status, p.Matter, p.OrgUnitId, p.ReceivedAt, p.DuePolicy, p.DueAt, statutory));
        }
        return result;
    }
}
