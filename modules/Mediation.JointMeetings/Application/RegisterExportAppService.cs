using Hangfire;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Mediation.JointMeetings.Domain;
using Mediation.JointMeetings.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Application;

/// <summary>
/// The register export: asked for in a request, written by a Hangfire job (a large register would hold the request too long),
/// downloaded by the one who asked once it is done.
/// </summary>
internal sealed class RegisterExportAppService(MediationDbContext db, ICurrentUser user, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string FileName = "联席会议台账.xlsx";

    public async Task<RegisterExportDto> RequestAsync(CancellationToken ct)
    {
        if (user.Id is not { } userId || user.OrgUnitId is not { } unitId) throw new ForbiddenException(CoreErrorCodes.Forbidden);
        var export = new RegisterExport(Guid.CreateVersion7(), unitId, userId, user.UserName, clock.GetUtcNow());
        db.Add(export);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<RegisterExportJob>(j => j.RunAsync(export.Id, CancellationToken.None));
        return ToDto(export);
    }

    public async Task<RegisterExportDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await FindAsync(id, ct));

    public async Task<byte[]> ContentAsync(Guid id, CancellationToken ct)
    {
        var export = await FindAsync(id, ct);
        return export is { Status: RegisterExportStatus.Done, Content: { } content } ? content : throw new BusinessException(JointMeetingsErrorCodes.ExportNotReady);
    }

    /// <summary>Only the requester's own exports: the file holds what his scope showed.</summary>
    private async Task<RegisterExport> FindAsync(Guid id, CancellationToken ct)
    {
        var userId = user.Id ?? Guid.Empty;
        return await db.Set<RegisterExport>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.RequestedById == userId, ct)
            ?? throw new EntityNotFoundException(nameof(RegisterExport), id);
    }

    private static RegisterExportDto ToDto(RegisterExport e) => new(e.Id, e.Status, e.RequestedAt, e.CompletedAt, e.RowCount,
        e.Status is RegisterExportStatus.Done ? $"{JointMeetingsModuleInfo.ApiPrefix}/exports/{e.Id}/file" : null);
}
