using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediation.Cases.Data;

/// <summary>
/// Past years of mediation in every county of 泰安 for etc/generate-demo.sh: one county committee each, cases registered from 2019
/// to two months ago, each concluded within three weeks of its year — the rows the Cases services write (numbers from the same
/// sequence, parties' 身份证号 and phones encrypted, the timeline), without term clocks or documents, as a ledger imported after the
/// fact has none. 东平县 in 2020–2021 is the seed's row: 3,214 disputes, all concluded (调处率100%), 3,166 of them by agreement
/// (成功率98.5%), 40 turned criminal in 2020 and 29 in 2021 (民转刑案件同比下降27.5%).
/// The small set goes through SaveChanges as the services' writes do (an audit row per row, a change event per batch); a set counted
/// in records builds the same entities and writes them with <see cref="BulkInserter"/> — prepared INSERTs or COPY, 5,000 cases a
/// transaction, numbers taken per committee and year at once, one audit entry for the import, no change events (the statistics recount
/// that runs after the modules' seeds counts them).
/// </summary>
internal static class CasesDemoVolume
{
    public const int DongpingDisputes = 3214;
    public const int DongpingNotAgreed = 48;
    public const int DongpingCriminal2020 = 40;
    public const int DongpingCriminal2021 = 29;
    /// <summary>Cases a county registers in a year of the small set (东平县 outside 2020–2021 included).</summary>
    private const int PerCountyYear = 40;

    private static readonly (DisputeType Type, string Summary)[] Disputes =
    [
        (DisputeType.Neighbourhood, "邻里因排水沟堵塞、污水外流发生争执"),
        (DisputeType.Neighbourhood, "相邻一方翻建房屋遮挡采光，双方多次争吵"),
        (DisputeType.MarriageFamily, "子女就老人赡养费用分担发生纠纷"),
        (DisputeType.MarriageFamily, "离婚后子女探望时间安排发生争执"),
        (DisputeType.HousingHomestead, "宅基地界址不清，双方就院墙位置发生争执"),
        (DisputeType.Contract, "农资买卖货款拖欠，双方就付款期限发生争议"),
        (DisputeType.Damages, "车辆剐蹭致人轻伤，双方就医疗费赔偿发生争执"),
        (DisputeType.Damages, "饲养的犬只咬伤路人，双方就赔偿数额发生争议"),
        (DisputeType.Labour, "务工人员工资结算发生纠纷"),
        (DisputeType.LandContract, "土地承包经营权流转费用支付发生纠纷"),
        (DisputeType.Other, "村内公共道路占用引发争执"),
    ];

    public static async Task ApplyAsync(IServiceProvider services, DemoVolume volume, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<MediationCommittee>().IgnoreQueryFilters().AnyAsync(c => c.ShortName == DemoVolume.Counties[0].ShortName, ct)) return;
        var units = sp.GetRequiredService<IOrgUnitDirectory>();
        var random = new Random(volume.Seed);
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CasesDemoVolume));
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var lastDay = today.AddDays(-60);

        var committees = new List<(DemoCounty County, MediationCommittee Committee)>();
        foreach (var county in DemoVolume.Counties)
        {
            if (await units.FindByCodeAsync(county.Code, ct) is not { } unit) continue;
            var committee = new MediationCommittee(Guid.CreateVersion7(), unit.Id, $"{county.Name}人民调解委员会", county.ShortName, CommitteeKind.TownshipOrStreet);
            for (var m = 0; m < 3; m++)
                committee.AddMediator(Guid.CreateVersion7(), DemoVolume.PersonName(random), isHead: m == 0);
            db.Add(committee);
            committees.Add((county, committee));
        }
        await db.SaveChangesAsync(ct);

        var countyYears = committees.Sum(c => lastDay.Year - DemoVolume.FirstYear + 1) - 2;
        var perCountyYear = CasesPerCountyYear(volume, countyYears);
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A year's cases are registered by December 10, so most are concluded within the year.
        var written = await DemoVolume.ForEachCountyYearAsync(committees, lastDay, (at, year, last) =>
        {
            var (county, committee) = at;
            var seedRow = county.ShortName == DemoVolume.Counties[0].ShortName && year is 2020 or 2021;
            var count = seedRow ? (year == 2020 ? DongpingDisputes / 2 : DongpingDisputes - DongpingDisputes / 2) : perCountyYear;
            var yearPlans = Enumerable.Range(0, count)
                .Select(_ => new Plan(committee, county, DemoVolume.DayBetween(random, new DateOnly(year, 1, 1), last), Agreed: true, Criminal: false))
                .ToList();
            // The seed's row exactly: 24 cases a year end without agreement, 40 (2020) and 29 (2021) turn criminal; elsewhere about 2.5% and 1%.
            var notAgreed = seedRow ? DongpingNotAgreed / 2 : (int)Math.Round(count * 0.025);
            var criminal = seedRow ? (year == 2020 ? DongpingCriminal2020 : DongpingCriminal2021) : random.Next(0, Math.Max(1, count / 50) + 1);
            for (var i = 0; i < notAgreed; i++) yearPlans[i] = yearPlans[i] with { Agreed = false };
            for (var i = 0; i < criminal; i++) yearPlans[^(i + 1)] = yearPlans[^(i + 1)] with { Criminal = true };
            yearPlans.Sort((a, b) => a.RegisteredOn.CompareTo(b.RegisteredOn));

            // The committee's numbers of the year in registration order.
            return volume.WriteNumberedYearAsync(services, CaseNumber.Kind, committee.Id, year, yearPlans, null,
                (plan, sequence) => CaseOf(plan, sequence, protector, random, today), ct);
        }, lastDayOfDecember: 10);

        await volume.AuditImportAsync(services, nameof(MediationCase), written, new { committees = committees.Select(c => c.Committee.Name) }, ct);
        logger.LogInformation("Demo volume {Size}: {Count} cases of {Committees} county committees written in {Seconds:F1} s ({Rate:F0} a second)",
            volume.Size, written, committees.Count, clock.Elapsed.TotalSeconds, written / Math.Max(0.001, clock.Elapsed.TotalSeconds));
    }

    /// <summary>
    /// Small: 40. Otherwise the volume's records less the desk's requests and 东平's seed row, spread over the other county-years.
    /// </summary>
    public static int CasesPerCountyYear(DemoVolume volume, int countyYears) => volume.IsSmall
        ? PerCountyYear
        : (int)Math.Max(PerCountyYear, (volume.Records - volume.XintaiRatings.Rated - DongpingDisputes) / Math.Max(1, countyYears));

    private sealed record Plan(MediationCommittee Committee, DemoCounty County, DateOnly RegisteredOn, bool Agreed, bool Criminal);

    private static MediationCase CaseOf(Plan plan, int sequence, PersonalDataProtector protector, Random random, DateOnly today)
    {
        var year = plan.RegisteredOn.Year;
        var number = new CaseNumber(year, sequence);
        var registeredAt = ChinaTime.StartOfDay(plan.RegisteredOn).AddHours(8 + random.Next(0, 9)).AddMinutes(random.Next(0, 60)).ToUniversalTime();
        var (type, summary) = Disputes[random.Next(Disputes.Length)];
        var parties = Enumerable.Range(0, 2).Select(_ => CaseParty.Person(DemoVolume.PersonName(random),
            protector.Protect(PersonalDataKind.IdCardNumber, DemoVolume.IdCardNumber(random, plan.County.Code[..6])),
            protector.Protect(PersonalDataKind.Mobile, DemoVolume.MobileNumber(random)), plan.County.Place, true)).ToList();
        var mediator = plan.Committee.Mediators[random.Next(plan.Committee.Mediators.Count)];
        var source = random.Next(10) switch { < 6 => CaseSource.WalkIn, 6 => CaseSource.PetitionHandover, 7 => CaseSource.LegalWindowReferral, 8 => CaseSource.CourtEntrustment, _ => CaseSource.JointMeeting };
        var mediationCase = MediationCase.Register(Guid.CreateVersion7(), plan.Committee, number, type, summary, null, plan.County.Place, source, null, parties,
            [mediator.UserId], RiskGrade.Blue, null, mediator.Name, registeredAt);

        // Concluded within three weeks, inside the year it was registered in and before today.
        var yearEnd = ChinaTime.StartOfDay(new DateOnly(year, 12, 31)).AddHours(17).ToUniversalTime();
        var concludedAt = registeredAt.AddDays(random.Next(1, 21)).AddHours(random.Next(0, 5));
        if (concludedAt > yearEnd) concludedAt = yearEnd;
        var conclusion = plan.Agreed
            ? random.Next(10) < 7
                ? new CaseConclusion(CaseOutcome.Succeeded, summary, "赔偿或补偿的数额及履行期限", "双方各自承担相应责任",
                    [new AgreementTermInput("一方向另一方支付补偿款", 500m + random.Next(0, 40) * 100m, null)], "当场履行", null, null, false, null)
                : new CaseConclusion(CaseOutcome.OralAgreement, null, null, null, [], null, "双方当场达成口头协议并即时履行", null, false, null)
            : new CaseConclusion(CaseOutcome.Terminated, null, null, null, [], null, null, "一方拒绝继续调解，已告知当事人通过诉讼途径解决", false, null);
        mediationCase.Conclude(conclusion, mediator.Name, concludedAt);

        if (plan.Criminal)
        {
            var on = ChinaTime.DateOf(concludedAt).AddDays(random.Next(0, 10));
            if (on.Year != year) on = new DateOnly(year, 12, 31);
            if (on > today) on = today;
            mediationCase.RecordBecameCriminal(on, "经公安机关立案侦查，转为刑事案件", ChinaTime.StartOfDay(on).AddHours(17).ToUniversalTime(), mediator.Name);
        }
        return mediationCase;
    }
}
