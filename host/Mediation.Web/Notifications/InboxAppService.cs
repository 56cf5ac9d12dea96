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

public sealed class InboxAppService(MediationDbContext db, TimeProvider clock, Mediation.Core.Security.IDataScope scope)
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
}
