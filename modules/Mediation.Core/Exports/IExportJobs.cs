using System.Text.Json;

namespace Mediation.Core.Exports;

/// <summary>
/// A file a module writes in the background for the user who asked (a ledger, a register, a report). The kernel runs it as a
/// job under that user's own permissions and data scope, keeps the file for its owner alone and shows the progress.
/// </summary>
public interface IExportProducer
{
    /// <summary>Stable name of the export, e.g. "legal-windows.ledger".</summary>
    string Kind { get; }

    /// <summary>The permission the requester needs, checked at the request and again when the job runs.</summary>
    string Permission { get; }

    /// <summary>
    /// Runs in the request, in the requester's scope: bad parameters are refused there (400/404), not as a failed job.
    /// Returns the file's name and type.
    /// </summary>
    Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct);

    Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct);
}

public sealed record ExportFile(string FileName, string ContentType)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";
}

public interface IExportProgress
{
    /// <summary>Rows (or steps) written so far out of the total; cheap to call per row, it is written out sparingly.</summary>
    ValueTask ReportAsync(long done, long total, CancellationToken ct);
}

/// <summary>Asks for an export for the current user; answers at once, the job writes the file.</summary>
public interface IExportJobs
{
    Task<ExportJobDto> EnqueueAsync(string kind, object? parameters, CancellationToken ct);
}

public enum ExportJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

public sealed record ExportJobDto(Guid Id, string Kind, string FileName, ExportJobState State, int Percent, long? RowsDone, long? RowsTotal,
    DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, DateTimeOffset? ExpiresAt, string? ErrorCode, string? Error, string? DownloadUrl)
{
    public const string ApiPrefix = "/api/exports";
    public const string Page = "/Exports";
}

public static class ExportParameters
{
    // Keyed by the caller's options so each producer's strict copy is made once; the copy refuses members the record lacks.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Strict = new();

    /// <summary>
    /// The parameters as the producer's record. A value of the wrong type, or a parameter the export does not have (a misspelt
    /// filter would otherwise export everything unfiltered), is a 400 on the "parameters" field.
    /// </summary>
    public static T Read<T>(JsonElement parameters, JsonSerializerOptions options)
    {
        var strict = Strict.GetValue(options, o => new JsonSerializerOptions(o)
            { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow });
        try
        {
            return parameters.Deserialize<T>(strict) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw WrongParameters();
        }
    }

    /// <summary>For an export that takes no parameters: anything but an empty object is refused rather than ignored.</summary>
    public static void None(JsonElement parameters)
    {
        if (parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)
            && (parameters.ValueKind is not JsonValueKind.Object || parameters.EnumerateObject().Any()))
            throw WrongParameters();
    }

    private static Validation.InputValidationException WrongParameters() =>
        new([new Validation.FieldError("parameters", Domain.CoreErrorCodes.Validation.WrongFormat, new Dictionary<string, object?>())]);

    /// <summary>Passes the rows on, reporting each to <paramref name="progress"/> against <paramref name="total"/>.</summary>
    public static async IAsyncEnumerable<T> Reporting<T>(this IAsyncEnumerable<T> rows, IExportProgress progress, long total,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        long done = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
            await progress.ReportAsync(++done, total, ct);
        }
    }
}
