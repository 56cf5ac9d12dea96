using Mediation.Core.Web;
using Mediation.Core.Notifications.Data;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Web.Notifications;

public sealed record NoticeDto(Guid Id, Guid OrgUnitId, string Template, string Subject, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt,
    string? Link = null);

public sealed record InboxSummary(int Unread, IReadOnlyList<NoticeDto> Latest);

public sealed class InboxAppService(MediationDbContext db, TimeProvider clock, Mediation.Core.Security.IDataScope scope,
    Mediation.Core.Security.ICurrentUser user)
{
    public async Task<PagedList<NoticeDto>> ListAsync(Guid? orgUnitId, bool? unreadOnly, Paging paging, CancellationToken ct)
    {
        new InputValidator().Required(orgUnitId, "orgUnitId").ThrowIfInvalid();
        // Another county's inbox is "not found", like its records.
        var unitPath = await db.Set<Mediation.Core.OrgUnits.Domain.OrgUnit>().AsNoTracking().Where(u => u.Id == orgUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (unitPath is null || scope.OrgUnitPath is { } path && !unitPath.StartsWith(path, StringComparison.Ordinal))
            throw new EntityNotFoundException(nameof(Mediation.Core.OrgUnits.Domain.OrgUnit), orgUnitId!.Value);
        var query = db.Set<Notice>().AsNoTracking().Where(n => n.OrgUnitId == orgUnitId && n.Channel == NoticeChannel.InApp);
        if (unreadOnly is true) query = query.Where(n => n.ReadAt == null);
        return await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new NoticeDto(n.Id, n.OrgUnitId, n.Template, n.Subject, n.Body, n.CreatedAt, n.ReadAt, n.Link))
            .ToPagedListAsync(paging, ct);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().SingleOrDefaultAsync(n => n.Id == id && n.Channel == NoticeChannel.InApp, ct)
            ?? throw new EntityNotFoundException(nameof(Notice), id);
        notice.ReadAt ??= clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The header's bell for the caller's own unit: how many in-app notices are unread, and the latest unread few.</summary>
    public async Task<InboxSummary> SummaryAsync(int latest, CancellationToken ct)
    {
        if (user.OrgUnitId is not { } unit) return new InboxSummary(0, []);
        var unread = db.Set<Notice>().AsNoTracking().Where(n => n.OrgUnitId == unit && n.Channel == NoticeChannel.InApp && n.ReadAt == null);
        var count = await unread.CountAsync(ct);
        if (count == 0) return new InboxSummary(0, []);
        var notices = await unread.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Take(latest)
            .Select(n => new NoticeDto(n.Id, n.OrgUnitId, n.Template, n.Subject, "", n.CreatedAt, n.ReadAt, n.Link)).ToListAsync(ct);
        return new InboxSummary(count, notices);
    }

    /// <summary>Marks the notice read and tells where its record is handled; only a site-relative link is followed.</summary>
    public async Task<string?> OpenAsync(Guid id, CancellationToken ct)
    {
        await MarkReadAsync(id, ct);
        var link = await db.Set<Notice>().AsNoTracking().Where(n => n.Id == id).Select(n => n.Link).SingleAsync(ct);
        return link is ['/', not '/' and not '\\', ..] ? link : null;
    }
}
