using System.Text.Json;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mediation.Web.Exports;

/// <summary>
/// Runs one export as its requester. A job has no HTTP user, and with none the data scope is unrestricted; so the producer runs
/// in a scope of its own where the requester's principal, rebuilt from his account as it is now (unit, permissions), stands in
/// for the request's user: every query filter and permission check then sees him, and nothing widens. Bookkeeping (state,
/// progress) goes through other contexts, so it never shares a connection with the producer's streaming reads.
/// </summary>
internal sealed class ExportJobRunner(IServiceScopeFactory scopes, IHttpContextAccessor http, IOptions<ExportOptions> options, TimeProvider clock,
    ILogger<ExportJobRunner> logger)
{
    public async Task RunAsync(Guid exportId, CancellationToken ct)
    {
        var retention = options.Value.Retention;
        await using var bookkeeping = scopes.CreateAsyncScope();
        var db = bookkeeping.ServiceProvider.GetRequiredService<MediationDbContext>();
        var job = await db.Set<ExportJob>().SingleOrDefaultAsync(e => e.Id == exportId, ct);
        if (job is null) return;
        var started = job.Start(clock.GetUtcNow(), retention);
        await db.SaveChangesAsync(ct);
        if (!started) return;

        var principal = await bookkeeping.ServiceProvider.GetRequiredService<IUserPrincipals>().ForBackgroundWorkAsync(job.OwnerId, ct);
        byte[]? content = null;
        string? failure = null;
        if (principal is null) failure = ExportErrorCodes.OwnerNoLongerAllowed;
        else
        {
            try
            {
                content = await WriteAsOwnerAsync(job, principal, ct);
            }
            catch (ForbiddenException)
            {
                failure = ExportErrorCodes.OwnerNoLongerAllowed;
            }
            catch (BusinessException e)
            {
                failure = e.Code;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Export {ExportId} ({Kind}) failed", job.Id, job.Kind);
                failure = ExportErrorCodes.Failed;
            }
        }

        await using var finishing = scopes.CreateAsyncScope();
        var finishDb = finishing.ServiceProvider.GetRequiredService<MediationDbContext>();
        var row = await finishDb.Set<ExportJob>().SingleAsync(e => e.Id == exportId, CancellationToken.None);
        if (row.State is not ExportJobState.Running) return;
        var now = clock.GetUtcNow();
        if (content is not null) row.Complete(content, now, retention);
        else row.Fail(failure ?? ExportErrorCodes.Failed, now, retention);
        finishDb.Add(finishing.ServiceProvider.GetRequiredService<AuditContext>().Entry(AuditCategory.Data, ExportsAppService.FinishedAction,
            nameof(ExportJob), row.Id.ToString(), JsonSerializer.Serialize(new { row.Kind, state = row.State.ToString(), row.ErrorCode, row.Size, row.RowsTotal }),
            row.OwnerId, row.OwnerName));
        await finishDb.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<byte[]> WriteAsOwnerAsync(ExportJob job, System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        await using var work = scopes.CreateAsyncScope();
        // Set inside this async method, the stand-in request flows into the producer's calls and ends with it.
        http.HttpContext = new DefaultHttpContext { User = principal, RequestServices = work.ServiceProvider };
        try
        {
            return await WriteAsync(job, work.ServiceProvider, ct);
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    private async Task<byte[]> WriteAsync(ExportJob job, IServiceProvider work, CancellationToken ct)
    {
        var producer = work.GetServices<IExportProducer>().SingleOrDefault(p => p.Kind == job.Kind)
            ?? throw new BusinessException(ExportErrorCodes.UnknownKind);
        if (!work.GetRequiredService<ICurrentUser>().HasPermission(producer.Permission)) throw new ForbiddenException();
        using var parameters = JsonDocument.Parse(job.Parameters);
        using var output = new MemoryStream();
        await producer.WriteAsync(parameters.RootElement, output, new ProgressWriter(scopes, job.Id), ct);
        return output.ToArray();
    }

    /// <summary>Writes progress when the percentage moves (at most 100 writes) or, with no total, every few thousand rows.</summary>
    private sealed class ProgressWriter(IServiceScopeFactory scopes, Guid exportId) : IExportProgress
    {
        private const long RowsBetweenWrites = 5000;
        private int _percent = -1;
        private long _written = -RowsBetweenWrites;

        public async ValueTask ReportAsync(long done, long total, CancellationToken ct)
        {
            var percent = ExportJob.PercentOf(done, total);
            if (percent == _percent && (total > 0 || done - _written < RowsBetweenWrites)) return;
            _percent = percent;
            _written = done;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<ExportJob>()
                .Where(e => e.Id == exportId && e.State == ExportJobState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.RowsDone, done).SetProperty(e => e.RowsTotal, total > 0 ? total : null)
                    .SetProperty(e => e.Percent, percent), ct);
        }
    }
}
