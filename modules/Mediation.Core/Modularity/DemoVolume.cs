using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Numbering;
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

    /// <summary>The first year of the generated past: cases since 2019, as the seed's county reports look back.</summary>
    public const int FirstYear = 2019;

    /// <summary>The six counties and districts of 泰安 the generated years cover, each with the place its records name.</summary>
    public static IReadOnlyList<DemoCounty> Counties { get; } =
    [
        new("370923", "东平县", "东平", "东平县州城街道"),
        new("370902", "泰山区", "泰山区", "泰山区财源街道"),
        new("370911", "岱岳区", "岱岳区", "岱岳区天平街道"),
        new("370982", "新泰市", "新泰", "新泰市青云街道"),
        new("370983", "肥城市", "肥城", "肥城市新城街道"),
        new("370921", "宁阳县", "宁阳", "宁阳县文庙街道"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "郑"];
    private static readonly string[] GivenNames = ["建国", "秀英", "玉兰", "志强", "桂芳", "海燕", "立军", "春梅", "永刚", "丽娟", "明亮", "红霞", "德胜", "晓东", "凤英"];

    /// <summary>A common two- or three-character name of a generated person.</summary>
    public static string PersonName(Random random) => $"{Surnames[random.Next(Surnames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}";

    /// <summary>A mobile number of a generated person (never a real subscriber's on purpose: 139 and eight random digits).</summary>
    public static string MobileNumber(Random random) => $"139{random.Next(0, 100_000_000):D8}";

    /// <summary>
    /// Records of a module beside the cases a county writes in a year: <paramref name="small"/> in the small set; at a size counted in
    /// records, <paramref name="shareOfRecords"/> of the size spread over the county-years (petitions, legal-window services and joint-meeting
    /// tasks come on top of the cases and desk requests the size counts, in the proportion a county's yearly report shows them).
    /// </summary>
    public int PerCountyYear(int small, double shareOfRecords, int countyYears) =>
        IsSmall ? small : (int)Math.Max(small, Records * shareOfRecords / Math.Max(1, countyYears));

    /// <summary>A random day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static DateOnly DayBetween(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));

    /// <summary>A moment of office hours (8:00–17:00 China time) on <paramref name="day"/>.</summary>
    public static DateTimeOffset OfficeHour(Random random, DateOnly day) =>
        ChinaTime.StartOfDay(day).AddHours(8 + random.Next(0, 9)).AddMinutes(random.Next(0, 60)).ToUniversalTime();

    /// <summary>
    /// <paramref name="count"/> numbers of a unit's year at once from the services' own sequence, in a transaction of their own: the first
    /// of them; the generated records take them in date order and the services go on after the last.
    /// </summary>
    public static async Task<int> TakeNumbersAsync(IServiceProvider services, string kind, Guid scopeId, int year, int count, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var last = await scope.ServiceProvider.GetRequiredService<INumberSequence>().TakeAsync(kind, scopeId, year, count, ct);
        await transaction.CommitAsync(ct);
        return last - count + 1;
    }

    /// <summary>
    /// Writes one batch of generated records in a transaction of its own: the small set through SaveChanges, as the services write
    /// (an audit row per row, a change event per batch, which keeps the statistics); a set counted in records through
    /// <see cref="BulkInserter"/> (no per-row audit, no change events: the statistics recount after the seeds counts them).
    /// </summary>
    public Task WriteBatchAsync<T>(IServiceProvider services, IReadOnlyList<T> records, CancellationToken ct) where T : class =>
        WriteSetsAsync(services, [records], null, ct);

    /// <summary>Records with the clocks their periods ran on (those <paramref name="clocks"/> gathered since its last write), in one transaction.</summary>
    public Task WriteBatchAsync<T>(IServiceProvider services, IReadOnlyList<T> records, DemoClocks clocks, CancellationToken ct)
        where T : class => WriteSetsAsync(services, [records], clocks, ct);

    /// <summary>
    /// Several kinds of record in one transaction, each list of one entity type and in the order of their foreign keys (a meeting before its
    /// agenda items before their tasks), and the clocks of their periods with their histories.
    /// </summary>
    public async Task WriteSetsAsync(IServiceProvider services, IReadOnlyList<IReadOnlyList<object>> sets, DemoClocks? demoClocks, CancellationToken ct)
    {
        var clocks = demoClocks?.TakeGathered() ?? [];
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (IsSmall)
        {
            foreach (var set in sets) db.AddRange(set);
            db.AddRange(clocks);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            var inserter = scope.ServiceProvider.GetRequiredService<BulkInserter>();
            foreach (var set in sets.Where(s => s.Count > 0)) await inserter.InsertAsync(set[0].GetType(), set, ct);
            await inserter.InsertAsync(clocks, ct);
            await inserter.InsertAsync(clocks.SelectMany(c => c.History).ToList(), ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Records written in one transaction: 200 through SaveChanges in the small set, 5,000 through the bulk path (5,000 cases are about
    /// 40,000 rows with their parties and timelines).
    /// </summary>
    public int BatchSize => IsSmall ? 200 : 5_000;

    /// <summary>
    /// The generated past county by county and year by year, from <see cref="FirstYear"/> to <paramref name="lastDay"/>'s year: hands
    /// <paramref name="writeYear"/> each county, year and the year's last day (<paramref name="lastDay"/> in its own year, otherwise
    /// December <paramref name="lastDayOfDecember"/>; a year that would end before it begins is skipped) and sums the records it wrote.
    /// </summary>
    public static async Task<long> ForEachCountyYearAsync<TCounty>(IEnumerable<TCounty> counties, DateOnly lastDay,
        Func<TCounty, int, DateOnly, Task<int>> writeYear, int lastDayOfDecember = 31)
    {
        var written = 0L;
        foreach (var county in counties)
            for (var year = FirstYear; year <= lastDay.Year; year++)
            {
                var last = year == lastDay.Year ? lastDay : new DateOnly(year, 12, lastDayOfDecember);
                if (last < new DateOnly(year, 1, 1)) continue;
                written += await writeYear(county, year, last);
            }
        return written;
    }

    /// <summary><paramref name="count"/> random days of <paramref name="year"/> up to <paramref name="last"/>, in date order.</summary>
    public static List<DateOnly> DaysOfYear(Random random, int year, DateOnly last, int count) =>
        Enumerable.Range(0, count).Select(_ => DayBetween(random, new DateOnly(year, 1, 1), last)).Order().ToList();

    /// <summary>
    /// A year's records of one numbering scope, planned in date order (<paramref name="plans"/>), numbered from the services' sequence
    /// (<paramref name="numberKind"/>, <paramref name="numberScopeId"/>) as the services would have numbered them, made by
    /// <paramref name="recordOf"/> (plan, sequence number) and written batch by batch with the clocks they gathered; how many.
    /// </summary>
    public async Task<int> WriteNumberedYearAsync<TPlan, T>(IServiceProvider services, string numberKind, Guid numberScopeId, int year,
        IReadOnlyList<TPlan> plans, DemoClocks? clocks, Func<TPlan, int, T> recordOf, CancellationToken ct) where T : class
    {
        var next = await TakeNumbersAsync(services, numberKind, numberScopeId, year, plans.Count, ct);
        foreach (var chunk in plans.Chunk(BatchSize))
        {
            var records = chunk.Select(plan => recordOf(plan, next++)).ToList();
            await WriteSetsAsync(services, [records], clocks, ct);
        }
        return plans.Count;
    }

    /// <summary>At a size counted in records, the one audit entry of a module's import (the small set's rows are audited one by one).</summary>
    public async Task AuditImportAsync(IServiceProvider services, string entityType, long count, object details, CancellationToken ct)
    {
        if (IsSmall) return;
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BulkInserter>().AuditImportAsync(entityType, count,
            new { generator = "etc/generate-demo.sh", size = Size, seed = Seed, details }, ct);
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

/// <summary>A county or district of 泰安 in the generated years: its division code, name, the short name its committee uses and a place.</summary>
public sealed record DemoCounty(string Code, string Name, string ShortName, string Place)
{
    /// <summary>东平县 → 东平, 泰山区 → 泰山: the name without its suffix, as official numbers and unit names abbreviate it.</summary>
    public string Brief => Name[..^1];
}

/// <summary>
/// The clocks generated records' periods ran on, started and stopped as the services did it at the time — the due date on the working
/// calendar and the module's policy, stopped when the record was decided or closed, so the deadline sweep never takes a record long closed
/// for overdue. Gathered per batch and written with it by <see cref="DemoVolume.WriteSetsAsync"/>.
/// </summary>
public sealed class DemoClocks
{
    private readonly Deadlines.Application.DeadlinePolicies _policies;
    private readonly WorkingCalendar _calendar;
    private List<DeadlineClock> _gathered = [];

    private DemoClocks(Deadlines.Application.DeadlinePolicies policies, WorkingCalendar calendar) => (_policies, _calendar) = (policies, calendar);

    public static async Task<DemoClocks> LoadAsync(IServiceProvider services, CancellationToken ct) =>
        new(services.GetRequiredService<Deadlines.Application.DeadlinePolicies>(),
            await services.GetRequiredService<Deadlines.Application.CalendarStore>().LoadAsync(ct));

    /// <summary>A clock under <paramref name="policy"/> from <paramref name="startedAt"/>, stopped at <paramref name="stoppedAt"/>; its due time.</summary>
    public DueTime Closed(string policy, string recordType, Guid recordId, Guid orgUnitId, DateTimeOffset startedAt, DateTimeOffset stoppedAt,
        string stopReason, string actor)
    {
        var clock = DeadlineClock.Start(Guid.CreateVersion7(), recordType, recordId, orgUnitId, _policies.Get(policy), startedAt, _calendar, actor, startedAt);
        clock.Stop(stopReason, actor, stoppedAt);
        _gathered.Add(clock);
        return new DueTime(clock.DueDate!.Value, clock.DueAt!.Value, clock.Provisional);
    }

    internal IReadOnlyList<DeadlineClock> TakeGathered()
    {
        var taken = _gathered;
        _gathered = [];
        return taken;
    }
}
