using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Web.Exports;

/// <summary>
/// One requested export: queued → running → done (the file, kept until it expires) or failed (with a problem code). The file
/// lives in the database so any host sharing it serves the download. Audited by explicit entries (requested, finished,
/// downloaded), not row by row: the row carries the file's bytes and a progress counter.
/// </summary>
internal sealed class ExportJob : INotAudited
{
    public const int MaxAttempts = 3;

    private ExportJob() { }

    public ExportJob(Guid id, string kind, string parameters, ExportFile file, Guid ownerId, string? ownerName, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        Parameters = parameters;
        FileName = file.FileName;
        ContentType = file.ContentType;
        OwnerId = ownerId;
        OwnerName = ownerName;
        RequestedAt = now.ToUniversalTime();
        State = ExportJobState.Queued;
    }

    public Guid Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Parameters { get; private set; } = "{}";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public Guid OwnerId { get; private set; }
    public string? OwnerName { get; private set; }
    public ExportJobState State { get; private set; }
    public int Attempts { get; private set; }
    public long? RowsDone { get; private set; }
    public long? RowsTotal { get; private set; }
    public int Percent { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public string? ErrorCode { get; private set; }
    public long? Size { get; private set; }
    public byte[]? Content { get; private set; }

    public bool IsFinished => State is ExportJobState.Done or ExportJobState.Failed;

    /// <summary>
    /// False when there is nothing to run: finished already (Hangfire may deliver a job twice). A running job fetched again is
    /// one whose host died; it starts over, up to <see cref="MaxAttempts"/> times, then fails as interrupted.
    /// </summary>
    public bool Start(DateTimeOffset now, TimeSpan retention)
    {
        if (IsFinished) return false;
        if (++Attempts > MaxAttempts)
        {
            Fail(ExportErrorCodes.Interrupted, now, retention);
            return false;
        }
        State = ExportJobState.Running;
        StartedAt = now.ToUniversalTime();
        RowsDone = null;
        RowsTotal = null;
        Percent = 0;
        return true;
    }

    public static int PercentOf(long done, long total) =>
        total <= 0 ? 0 : (int)Math.Clamp(done * 100 / total, 0, 99); // 100 only once the file is stored

    public void Complete(byte[] content, DateTimeOffset now, TimeSpan retention)
    {
        if (State is not ExportJobState.Running) throw new InvalidOperationException($"Export {Id} is {State}, not running.");
        Content = content;
        Size = content.LongLength;
        State = ExportJobState.Done;
        Percent = 100;
        RowsDone = RowsTotal ?? RowsDone;
        Finish(now, retention);
    }

    public void Fail(string errorCode, DateTimeOffset now, TimeSpan retention)
    {
        if (IsFinished) return;
        State = ExportJobState.Failed;
        ErrorCode = errorCode;
        Content = null;
        Finish(now, retention);
    }

    private void Finish(DateTimeOffset now, TimeSpan retention)
    {
        FinishedAt = now.ToUniversalTime();
        ExpiresAt = FinishedAt + retention;
    }
}

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> b)
    {
        b.ToTable("ExportJobs", MediationDbContext.CoreSchema);
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasMaxLength(100).IsRequired();
        b.Property(e => e.Parameters).HasMaxLength(4000).IsRequired();
        b.Property(e => e.FileName).HasMaxLength(200).IsRequired();
        b.Property(e => e.ContentType).HasMaxLength(100).IsRequired();
        b.Property(e => e.OwnerName).HasMaxLength(256);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ErrorCode).HasMaxLength(100);
        b.HasIndex(e => new { e.OwnerId, e.RequestedAt });
        b.HasIndex(e => e.ExpiresAt);
    }
}

public static class ExportErrorCodes
{
    public const string UnknownKind = "Exports:UnknownKind";
    public const string NotReady = "Exports:NotReady";
    public const string TooManyRunning = "Exports:TooManyRunning";
    public const string ParametersTooLong = "Exports:ParametersTooLong";
    public const string OwnerNoLongerAllowed = "Exports:OwnerNoLongerAllowed";
    public const string Interrupted = "Exports:Interrupted";
    public const string Failed = "Exports:Failed";
}
