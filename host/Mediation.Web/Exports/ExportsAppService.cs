using System.Globalization;
using System.Text.Json;
using Hangfire;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Web.Exports;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>How long a finished export (its file, or its failure) stays listed and downloadable.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Unfinished exports one user may have at once: each holds a worker and, when done, a file in the database.</summary>
    public int MaxUnfinishedPerUser { get; set; } = 5;
}

public sealed record RequestExportInput(string? Kind, JsonElement? Parameters);

/// <summary>
/// Requests, lists and serves the current user's exports. An export belongs to its requester alone: another user's id answers
/// exactly like an unknown one (404), since the file holds what the requester's scope showed.
/// </summary>
internal sealed class ExportsAppService(MediationDbContext db, ICurrentUser user, IEnumerable<IExportProducer> producers, IBackgroundJobClient jobs,
    AuditContext audit, TextCatalog texts, IOptions<ExportOptions> options, TimeProvider clock) : IExportJobs
{
    public const string RequestedAction = "ExportRequested";
    public const string DownloadedAction = "ExportDownloaded";
    public const string FinishedAction = "ExportFinished";
    public const int ListSize = 50;

    private static readonly JsonSerializerOptions Json = JsonOptions();

    public Task<ExportJobDto> RequestAsync(RequestExportInput input, CancellationToken ct) =>
        EnqueueAsync(input.Kind ?? "", input.Parameters, ct);

    public async Task<ExportJobDto> EnqueueAsync(string kind, object? parameters, CancellationToken ct)
    {
        if (user.Id is not { } ownerId) throw new ForbiddenException();
        var producer = producers.SingleOrDefault(p => p.Kind == kind)
            ?? throw new InputValidationException([new FieldError("kind", ExportErrorCodes.UnknownKind, new Dictionary<string, object?>())]);
        if (!user.HasPermission(producer.Permission)) throw new ForbiddenException();
        var element = parameters switch
        {
            JsonElement { ValueKind: JsonValueKind.Object } e => e,
            null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => JsonSerializer.SerializeToElement(new { }),
            JsonElement => throw new InputValidationException([new FieldError("parameters", CoreErrorCodes.Validation.WrongFormat, new Dictionary<string, object?>())]),
            _ => JsonSerializer.SerializeToElement(parameters, Json),
        };
        var text = element.GetRawText();
        if (text.Length > 4000)
            throw new InputValidationException([new FieldError("parameters", ExportErrorCodes.ParametersTooLong, new Dictionary<string, object?>())]);
        var file = await producer.PrepareAsync(element, ct);

        var unfinished = await db.Set<ExportJob>().CountAsync(e => e.OwnerId == ownerId
            && (e.State == ExportJobState.Queued || e.State == ExportJobState.Running), ct);
        if (unfinished >= options.Value.MaxUnfinishedPerUser)
            throw new ConflictException(ExportErrorCodes.TooManyRunning, new Dictionary<string, object?> { ["max"] = options.Value.MaxUnfinishedPerUser });

        var job = new ExportJob(Guid.CreateVersion7(), kind, text, file, ownerId, user.UserName, clock.GetUtcNow());
        db.Add(job);
        db.Add(audit.Entry(AuditCategory.Data, RequestedAction, nameof(ExportJob), job.Id.ToString(),
            JsonSerializer.Serialize(new { kind, parameters = element, file = file.FileName })));
        await db.SaveChangesAsync(ct);
        // After the commit: a job never runs before its row exists. Should the enqueue itself fail, the clean-up job ends the row.
        jobs.Enqueue<ExportJobRunner>(r => r.RunAsync(job.Id, CancellationToken.None));
        return ToDto(ExportJobSummary.Of(job));
    }

    public async Task<IReadOnlyList<ExportJobDto>> ListMineAsync(CancellationToken ct)
    {
        var ownerId = user.Id ?? Guid.Empty;
        var rows = await Summaries(db.Set<ExportJob>().Where(e => e.OwnerId == ownerId).OrderByDescending(e => e.RequestedAt).Take(ListSize)).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    public async Task<ExportJobDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await FindAsync(id, ct));

    public async Task<(string FileName, string ContentType, byte[] Content)> DownloadAsync(Guid id, CancellationToken ct)
    {
        var job = await FindAsync(id, ct);
        if (job.State is not ExportJobState.Done) throw new ConflictException(ExportErrorCodes.NotReady);
        var content = await db.Set<ExportJob>().Where(e => e.Id == id).Select(e => e.Content).SingleAsync(ct)
            ?? throw new ConflictException(ExportErrorCodes.NotReady);
        db.Add(audit.Entry(AuditCategory.Data, DownloadedAction, nameof(ExportJob), id.ToString(),
            JsonSerializer.Serialize(new { job.Kind, file = job.FileName, size = content.LongLength })));
        await db.SaveChangesAsync(ct);
        return (job.FileName, job.ContentType, content);
    }

    private async Task<ExportJobSummary> FindAsync(Guid id, CancellationToken ct)
    {
        var ownerId = user.Id ?? Guid.Empty;
        return await Summaries(db.Set<ExportJob>().Where(e => e.Id == id && e.OwnerId == ownerId)).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(ExportJob), id);
    }

    /// <summary>Every column but the file's bytes.</summary>
    private static IQueryable<ExportJobSummary> Summaries(IQueryable<ExportJob> jobs) => jobs.AsNoTracking().Select(e => new ExportJobSummary(e.Id, e.Kind, e.FileName,
        e.ContentType, e.OwnerId, e.State, e.Percent, e.RowsDone, e.RowsTotal, e.RequestedAt, e.FinishedAt, e.ExpiresAt, e.ErrorCode));

    private ExportJobDto ToDto(ExportJobSummary e) => new(e.Id, e.Kind, e.FileName, e.State, e.Percent, e.RowsDone, e.RowsTotal, e.RequestedAt,
        e.FinishedAt, e.ExpiresAt, e.ErrorCode, e.ErrorCode is { } code ? texts.Find(code, CultureInfo.CurrentUICulture) ?? code : null,
        e.State is ExportJobState.Done ? $"{ExportJobDto.ApiPrefix}/{e.Id}/file" : null);

    private static JsonSerializerOptions JsonOptions()
    {
        var options = new JsonSerializerOptions();
        Mediation.Core.CoreServiceCollectionExtensions.ConfigureJson(options);
        return options;
    }
}

internal sealed record ExportJobSummary(Guid Id, string Kind, string FileName, string ContentType, Guid OwnerId, ExportJobState State, int Percent,
    long? RowsDone, long? RowsTotal, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, DateTimeOffset? ExpiresAt, string? ErrorCode)
{
    public static ExportJobSummary Of(ExportJob e) => new(e.Id, e.Kind, e.FileName, e.ContentType, e.OwnerId, e.State, e.Percent, e.RowsDone,
        e.RowsTotal, e.RequestedAt, e.FinishedAt, e.ExpiresAt, e.ErrorCode);
}
