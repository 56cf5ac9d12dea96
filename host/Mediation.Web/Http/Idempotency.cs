using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Routing;
using Mediation.Core.Modularity;
using Hangfire;
using Mediation.Core.Auditing;
using Mediation.Core.Web;
using System.Security.Cryptography;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mediation.Web.Http;

/// <summary>The first response to a POST with an Idempotency-Key, kept so a retry gets the same answer.</summary>
internal sealed class IdempotencyRecord : INotAudited
{
    public required string Caller { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Body { get; set; }
    public string? Location { get; set; }
}

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered; a retry after that runs as a new request.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// POST to an endpoint marked <see cref="IdempotencyEndpointExtensions.Idempotent{TBuilder}"/> with
/// an Idempotency-Key header: the first request runs, a retry with the same key (same caller, same
/// method, path and body) gets the stored response and creates nothing; the same key with another
/// body is refused; a retry while the first still runs gets 409. The header is ignored elsewhere.
/// Server errors are not stored, so the client may retry them. Stored bodies are encrypted with the
/// personal-data keys (a created record's response names people) and purged after the retention.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, ProblemWriter problems, TimeProvider clock,
    PersonalDataProtector protector, IOptions<IdempotencyOptions> options)
{
    public const string HeaderName = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || !ApiRequests.IsApi(context.Request)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null)
        {
            await next(context);
            return;
        }
        if (key.Length > 100)
        {
            await problems.WriteAsync(context, 400, CoreErrorCodes.IdempotencyKeyInvalid);
            return;
        }

        var caller = context.RequestServices.GetRequiredService<ICurrentUser>().Id?.ToString() ?? "anonymous";
        var requestHash = await HashRequestAsync(context.Request);
        var db = context.RequestServices.GetRequiredService<MediationDbContext>();
        var existing = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, context.RequestAborted);
        if (existing is not null && existing.CreatedAt < clock.GetUtcNow() - options.Value.Retention)
        {
            await db.Set<IdempotencyRecord>().Where(r => r.Caller == caller && r.Key == key && r.CreatedAt == existing.CreatedAt)
                .ExecuteDeleteAsync(context.RequestAborted);
            existing = null;
        }
        if (existing is not null)
        {
            await ReplayAsync(context, existing, requestHash);
            return;
        }

        // The key's record commits in the transaction of the work it answers for: a host killed before the commit leaves
        // neither, and a retry runs afresh; killed after it, both are there, and a retry gets the stored answer (issue 18 R2).
        // The work joins this transaction (its services begin their own only when none is open).
        await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
        var record = new IdempotencyRecord { Caller = caller, Key = key, RequestHash = requestHash, CreatedAt = clock.GetUtcNow() };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await problems.WriteAsync(context, 409, CoreErrorCodes.IdempotencyInProgress);
            return;
        }
        db.ChangeTracker.Clear();

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            // An exception rolls everything back (the transaction is disposed uncommitted); the outer error middleware answers.
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        var body = protector.EncryptBytes(buffer.ToArray());
        var contentType = context.Response.ContentType;
        var location = context.Response.Headers.Location.ToString();
        if (status < 400)
        {
            await Complete(db.Set<IdempotencyRecord>().Where(r => r.Caller == caller && r.Key == key), status, contentType, location, body);
            await transaction.CommitAsync(CancellationToken.None);
        }
        else
        {
            // A refusal keeps nothing the request began; a client error is still remembered, so its retry gets the same answer.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (status < 500)
            {
                db.Add(new IdempotencyRecord
                {
                    Caller = caller, Key = key, RequestHash = requestHash, CreatedAt = record.CreatedAt,
                    Completed = true, StatusCode = status, ContentType = contentType, Location = location, Body = body,
                });
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear(); // a retry that ran meanwhile stored its own answer
                }
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static Task<int> Complete(IQueryable<IdempotencyRecord> record, int status, string? contentType, string location, byte[] body) =>
        record.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Completed, true)
            .SetProperty(r => r.StatusCode, status)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body), CancellationToken.None);

    private async Task ReplayAsync(HttpContext context, IdempotencyRecord existing, string requestHash)
    {
        if (existing.RequestHash != requestHash)
        {
            await problems.WriteAsync(context, 422, CoreErrorCodes.IdempotencyKeyReused);
            return;
        }
        if (!existing.Completed)
        {
            await problems.WriteAsync(context, 409, CoreErrorCodes.IdempotencyInProgress);
            return;
        }
        context.Response.StatusCode = existing.StatusCode;
        if (existing.ContentType is not null) context.Response.ContentType = existing.ContentType;
        if (!string.IsNullOrEmpty(existing.Location)) context.Response.Headers.Location = existing.Location;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (existing.Body is { Length: > 0 } body) await context.Response.Body.WriteAsync(protector.DecryptBytes(body), context.RequestAborted);
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>Forgets keys past their retention (Hangfire, hourly), so stored responses do not accumulate.</summary>
public sealed class IdempotencyPurgeJob(MediationDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    public const string JobId = "core:idempotency-purge";

    public Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        return db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

internal static class IdempotencyModelConfiguration
{
    public static void Configure(Microsoft.EntityFrameworkCore.ModelBuilder model) =>
        model.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("IdempotencyRecords", MediationDbContext.CoreSchema);
            b.HasKey(r => new { r.Caller, r.Key });
            b.Property(r => r.Caller).HasMaxLength(64);
            b.Property(r => r.Key).HasMaxLength(100);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.Property(r => r.ContentType).HasMaxLength(200);
            b.Property(r => r.Location).HasMaxLength(500);
            b.HasIndex(r => r.CreatedAt);
        });
}

/// <summary>The store behind <see cref="IdempotencyMiddleware"/>: its table (schema core) and the hourly purge.</summary>
public sealed class IdempotencyModule : IModule
{
    public string Name => "idempotency";

    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddScoped<IdempotencyPurgeJob>();
    }

    public void ConfigureModel(ModelBuilder model) => IdempotencyModelConfiguration.Configure(model);

    public void MapEndpoints(RouteGroupBuilder api) { }

    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<IdempotencyPurgeJob>(IdempotencyPurgeJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
}
