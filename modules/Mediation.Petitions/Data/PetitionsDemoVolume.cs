using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediation.Petitions.Data;

/// <summary>
/// Past years of each county's 信访 office for etc/generate-demo.sh, the same years and counties as the cases: petitions received by
/// visit, letter, online form or phone, decided within the 15 days of 信访工作条例 Art. 23 (a few late), about 8% not accepted, the rest
/// accepted for handling and answered with a 处理意见书 signed off by the office's head within the 60 days of Art. 34 (a few late) — the
/// rows the services write (numbers 东平信〔2020〕n号 from the same sequence, petitioners' 身份证号 and phones encrypted, the events and
/// the acceptance and handling clocks, stopped when the decision and the reply came), without documents, as a ledger imported after the
/// fact has none. Hand-overs to mediation are not generated: a hand-over registers its case through the Cases services, which the bulk
/// path does not call, and the cases' volume already counts petition hand-overs among its sources.
/// The small set goes through SaveChanges; a set counted in records through the bulk path, with one audit entry for the import.
/// </summary>
internal static class PetitionsDemoVolume
{
    /// <summary>Who recorded the generated petitions; it also tells a second start that they are there.</summary>
    public const string Officer = "县信访局接待员（历史台账）";
    private const string Head = "县信访局负责人（历史台账）";
    /// <summary>Petitions a county receives in a year of the small set; at a size counted in records, 4% of the size.</summary>
    private const int SmallPerCountyYear = 12;
    private const double ShareOfRecords = 0.04;

    private static readonly (string Matter, string Outcome)[] Matters =
    [
        ("小区物业公司长期不履行维修义务，电梯多次停运", "督促物业公司维修电梯"),
        ("村集体土地流转收益分配不公开", "公开收益分配账目"),
        ("拆迁安置房迟迟未交付", "按期交付安置房"),
        ("企业拖欠工资，多次讨要未果", "支付拖欠工资"),
        ("养殖场异味影响周边居民生活", "责令养殖场整改"),
        ("低保资格被取消，对认定结果有异议", "重新核定低保资格"),
        ("供暖温度长期不达标", "供热达标并退还部分采暖费"),
        ("农村道路损坏，雨天无法通行", "维修村内道路"),
    ];

    public static async Task ApplyAsync(IServiceProvider services, DemoVolume volume, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<Petition>().IgnoreQueryFilters().AnyAsync(p => p.RecordedBy == Officer, ct)) return;
        var units = sp.GetRequiredService<IOrgUnitDirectory>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var clocks = await DemoClocks.LoadAsync(sp, ct);
        var random = new Random(volume.Seed);
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        // The last received four months ago: decided and replied (at most 85 days later) before today.
        var lastDay = today.AddDays(-120);

        var offices = new List<(DemoCounty County, Guid UnitId, string ShortName)>();
        foreach (var county in DemoVolume.Counties)
            if (await units.FindByCodeAsync(county.Code, ct) is { } unit) offices.Add((county, unit.Id, PetitionNumber.ShortNameOf(unit.Name)));
        var perCountyYear = volume.PerCountyYear(SmallPerCountyYear, ShareOfRecords, offices.Count * (lastDay.Year - DemoVolume.FirstYear + 1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var written = await DemoVolume.ForEachCountyYearAsync(offices, lastDay, (office, year, last) =>
            volume.WriteNumberedYearAsync(services, PetitionNumber.Kind, office.UnitId, year, DemoVolume.DaysOfYear(random, year, last, perCountyYear), clocks,
                (day, sequence) => PetitionOf(office.County, office.UnitId, office.ShortName, new PetitionNumber(year, sequence), day, random, protector, clocks), ct));

        await volume.AuditImportAsync(services, nameof(Petition), written, new { offices = offices.Select(o => o.County.Name) }, ct);
        sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PetitionsDemoVolume)).LogInformation(
            "Demo volume {Size}: {Count} petitions of {Offices} county offices written in {Seconds:F1} s ({Rate:F0} a second)",
            volume.Size, written, offices.Count, clock.Elapsed.TotalSeconds, written / Math.Max(0.001, clock.Elapsed.TotalSeconds));
    }

    private static Petition PetitionOf(DemoCounty county, Guid unitId, string shortName, PetitionNumber number, DateOnly day, Random random,
        PersonalDataProtector protector, DemoClocks clocks)
    {
        var receivedAt = DemoVolume.OfficeHour(random, day);
        var channel = random.Next(10) switch { < 4 => PetitionChannel.Visit, < 7 => PetitionChannel.Letter, < 9 => PetitionChannel.Online, _ => PetitionChannel.Phone };
        var petitioner = Petitioner.Create(DemoVolume.PersonName(random),
            protector.Protect(PersonalDataKind.IdCardNumber, DemoVolume.IdCardNumber(random, county.Code)),
            protector.Protect(PersonalDataKind.Mobile, DemoVolume.MobileNumber(random)), county.Place);
        var (matter, outcome) = Matters[random.Next(Matters.Length)];
        var petition = Petition.Register(Guid.CreateVersion7(), unitId, number, shortName, channel, receivedAt, [petitioner], matter, outcome, county.Place,
            null, Officer, receivedAt);

        // Decided within the 15 days, one in twenty a few days late.
        var decidedAt = receivedAt.AddDays(random.Next(20) == 0 ? random.Next(16, 21) : random.Next(1, 15)).AddHours(random.Next(0, 4));
        if (random.Next(100) < 8)
        {
            petition.NotAccept(NonAcceptanceGround.JudicialProcedure, "该事项已进入诉讼程序，告知信访人依法通过诉讼程序解决", Officer, decidedAt);
            clocks.Closed(PetitionPolicies.AcceptanceNotice, Petition.RecordType, petition.Id, unitId, receivedAt, decidedAt, "不予受理", Officer);
            return petition;
        }
        petition.Accept(new PetitionClassification(PetitionCategory.Grievance, GrievanceRoute.Handling), Officer, decidedAt);
        clocks.Closed(PetitionPolicies.AcceptanceNotice, Petition.RecordType, petition.Id, unitId, receivedAt, decidedAt, "已受理", Officer);

        // Replied within the 60 days of handling, one in sixteen up to two weeks late; the head signs off a day after the draft.
        var repliedAt = decidedAt.AddDays(random.Next(16) == 0 ? random.Next(61, 75) : random.Next(10, 58)).AddHours(random.Next(0, 4));
        var decision = random.Next(10) switch { < 5 => OpinionDecision.Support, < 9 => OpinionDecision.Explain, _ => OpinionDecision.NotSupport };
        petition.Reply(decision, outcome, $"经调查核实，{matter}情况属实，已协调有关部门依法处理。", "《信访工作条例》第三十二条", unitId, Officer, repliedAt.AddDays(-1));
        petition.SignOff(OpinionKind.Reply, new OpinionSigner(Head, Head, unitId, HoldsSignOffDuty: true), repliedAt);
        clocks.Closed(PetitionPolicies.Handling, Petition.RecordType, petition.Id, unitId, decidedAt, repliedAt, "已出具处理意见书", Officer);
        return petition;
    }
}
