using System.Runtime.CompilerServices;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>The queue's order: the latest filed first (the default), the earliest first, or the open clock falling due first.</summary>
internal enum DeskRequestListSort
{
    Newest,
    Oldest,
    Due,
}

/// <summary>
/// The queue as its address carries it (/ServiceDesk?view=…&amp;kind=…&amp;from=…): the page, GET /api/service-desk/requests and the
/// ledger export <c>service-desk.list</c> read the same criteria, so the export holds exactly the listed rows. Dates are China days of filing.
/// </summary>
internal sealed record DeskRequestListCriteria(QueueView? View = null, RequestStatus? Status = null, RequestKind? Kind = null, DateOnly? From = null,
    DateOnly? To = null, Guid? OrgUnitId = null, DeskRequestListSort? Sort = null);

/// <summary>Filters, sorts and pages the desk's requests in the database, in the caller's data scope.</summary>
internal sealed class DeskRequestListQuery(DeskScope scope, RequestAppService requests, IDeadlineClocks clocks, IOrgUnitDirectory units,
    IDataScope dataScope, ICurrentUser user, TimeProvider clock)
{
    internal sealed record Filter(DeskRequestListCriteria Criteria, QueueView View, string? UnitPath);

    /// <summary>Checked before anything is read: a reversed range, or a unit unknown or outside the caller's scope, is a 400 on its field.</summary>
    public async Task<Filter> FilterAsync(DeskRequestListCriteria c, CancellationToken ct)
    {
        var validator = new InputValidator().DateRange(c.From, c.To, ServiceDeskErrorCodes.ListRangeReversed);
        var unitPath = await validator.UnitPathAsync(c.OrgUnitId, units, dataScope, ServiceDeskErrorCodes.ListUnitNotInScope, ct);
        validator.ThrowIfInvalid();
        return new Filter(c, c.View ?? DefaultView(), unitPath);
    }

    /// <summary>An officer starts from his own requests; a head or the 综治中心 from all of them.</summary>
    public QueueView DefaultView() => user.HasPermission(ServiceDeskPermissions.Desk.Handle) ? QueueView.Mine : QueueView.All;

    public Task<PagedList<DeskRequestSummaryDto>> PageAsync(Filter filter, Paging paging, CancellationToken ct) =>
        requests.SummariesAsync(Rows(filter), paging, ct);

    public Task<int> CountAsync(Filter filter, CancellationToken ct) => Rows(filter).CountAsync(ct);

    /// <summary>Every row of the filtered queue in its order, read a page at a time.</summary>
    public async IAsyncEnumerable<DeskRequestSummaryDto> AllAsync(Filter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var rows = await PageAsync(filter, new Paging(page, Paging.MaxPageSize), ct);
            foreach (var row in rows.Items) yield return row;
            if (!rows.HasMore) yield break;
        }
    }

    private IQueryable<DeskRequest> Rows(Filter filter)
    {
        var c = filter.Criteria;
        var query = scope.StaffRequests.AsNoTracking();
        var me = user.Id;
        var myUnit = user.OrgUnitId;
        var now = clock.GetUtcNow().ToUniversalTime();
        var open = clocks.OpenClocks(RequestAppService.RecordType);
        query = filter.View switch
        {
            QueueView.Mine => query.Where(r => r.OwnerId == me || r.FirstResponderId == me),
            QueueView.Unassigned => query.Where(r => r.Status == RequestStatus.Submitted),
            QueueView.Escalated => query.Where(r => r.EscalatedToUnitId == myUnit && r.EscalationAcceptedAt == null
                && (r.Status == RequestStatus.InHandling || r.Status == RequestStatus.AwaitingMaterials)),
            QueueView.Overdue => query.Where(r => open.Any(k => (k.RecordId == r.Id || k.RecordId == r.FeedbackClockKey) && k.DueAt != null && k.DueAt < now)),
            _ => query,
        };
        if (c.Status is { } status) query = query.Where(r => r.Status == status);
        if (c.Kind is { } kind) query = query.Where(r => r.Kind == kind);
        query = query.InSubtree(units, filter.UnitPath, r => r.OrgUnitId).OnDays(c.From, c.To, r => r.SubmittedAt);
        return (c.Sort ?? DeskRequestListSort.Newest) switch
        {
            DeskRequestListSort.Oldest => query.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id),
            DeskRequestListSort.Due => query
                .OrderBy(r => open.Where(k => (k.RecordId == r.Id || k.RecordId == r.FeedbackClockKey) && k.DueAt != null).Min(k => k.DueAt) == null ? 1 : 0)
                .ThenBy(r => open.Where(k => (k.RecordId == r.Id || k.RecordId == r.FeedbackClockKey) && k.DueAt != null).Min(k => k.DueAt))
                .ThenByDescending(r => r.SubmittedAt).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id),
        };
    }
}
