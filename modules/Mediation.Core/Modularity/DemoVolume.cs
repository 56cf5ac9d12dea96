using System.Globalization;
using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Modularity;

/// <summary>
/// The multi-year 泰安 data set of etc/generate-demo.sh (Demo:Volume, Demo:VolumeSeed): each module writes its own past records in its
/// demo seed — the rows its services write, dated in past years — and the statistics recount after them keeps their facts. The seed's
/// rows (DOMAIN.md, "The statistics people report") are the same at every size; the size scales the rest. <see cref="Small"/> is the
/// demo's set (about 5,000 records); any other size is a number of records — cases and desk requests, what the statistics count — such as
/// 50k, 500k or 5m, and is written through the modules' bulk path.
/// </summary>
public sealed record DemoVolume(string Size, int Seed, long Records)
{
    public const string SizeSetting = "Demo:Volume";
    public const string SeedSetting = "Demo:VolumeSeed";
    public const string Small = "small";
    public const string FiveMillion = "5m";

    /// <summary>The largest size accepted: twenty million records is beyond any benchmark of issue 16.</summary>
    public const long MaxRecords = 20_000_000;

    public bool IsSmall => Size == Small;

    /// <summary>
    /// 新泰's rated desk requests and the satisfied among them (满意率95.38%): the small set's 65 (62); from a million records the seed's
    /// 84,000 (80,119); between, multiples of 65 and 62, about 1.7% of the records as at 5m.
    /// </summary>
    public (int Rated, int Satisfied) XintaiRatings
    {
        get
        {
            if (IsSmall) return (65, 62);
            if (Records >= 1_000_000) return (84_000, 80_119);
            var multiple = (int)Math.Max(1, Records * 84_000 / 5_000_000 / 65);
            return (65 * multiple, 62 * multiple);
        }
    }

    /// <summary>The volume asked for, or null; an unknown size stops the start rather than generating something else.</summary>
    public static DemoVolume? Wanted(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration[SizeSetting] is not { Length: > 0 } size) return null;
        return Parse(size, configuration.GetValue<int?>(SeedSetting) ?? 1);
    }

    /// <summary><see cref="Small"/>, or a number of records with an optional k (thousand) or m (million): 50k, 5m, 120000.</summary>
    public static DemoVolume Parse(string size, int seed)
    {
        size = size.Trim().ToLowerInvariant();
        if (size == Small) return new DemoVolume(Small, seed, 0);
        var (digits, multiple) = size.EndsWith('k') ? (size[..^1], 1_000L) : size.EndsWith('m') ? (size[..^1], 1_000_000L) : (size, 1L);
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0 || number > MaxRecords / multiple)
            throw new InvalidOperationException($"{SizeSetting} is '{size}'; use {Small} or a number of records up to 20m (50k, 500k, {FiveMillion}).");
        return new DemoVolume(size, seed, number * multiple);
    }

    /// <summary>
    /// Writes one batch of generated records in a transaction of its own: the small set through SaveChanges, as the services write
    /// (an audit row per row, a change event per batch, which keeps the statistics); a set counted in records through
    /// <see cref="BulkInserter"/> (no per-row audit, no change events: the statistics recount after the seeds counts them).
    /// </summary>
    public async Task WriteBatchAsync<T>(IServiceProvider services, IReadOnlyList<T> records, CancellationToken ct) where T : class
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (IsSmall)
        {
            db.AddRange(records);
            await db.SaveChangesAsync(ct);
        }
        else await scope.ServiceProvider.GetRequiredService<BulkInserter>().InsertAsync(records, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A valid 18-digit 身份证号 of a person born in 泰安 (GB 11643 check digit), for generated parties.</summary>
    public static string IdCardNumber(Random random, string areaCode)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 50 * 365));
        var body = $"{areaCode}{birth:yyyyMMdd}{random.Next(0, 1000):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
