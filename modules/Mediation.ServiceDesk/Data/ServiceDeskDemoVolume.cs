using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.ServiceDesk.Application;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediation.ServiceDesk.Data;

/// <summary>
/// 新泰's 接诉即办 of 2020 to mid-2021 for etc/generate-demo.sh — the seed's row "2020年以来，共受理、解决群众诉求8.4万件，群众满意率达到
/// 95.38%": every request filed, taken within hours, concluded within a week and rated, 95.38% of the ratings 满意 or 基本满意 and the
/// rest 不满意 upheld on the desk head's review. The small set keeps the rate with 65 requests (62 satisfied), 5m writes the 84,000
/// (80,119). Requests are numbered 新泰接诉〔year〕n号 from the desk's own sequence; officers of that time have no account today.
/// (肥城's row, 87 涉法案件 accepted and 65 concluded, is the desk's demo seed of this year.) As with the cases, the small set goes
/// through SaveChanges and a set counted in records through <see cref="BulkInserter"/>, with one audit entry for the import.
/// </summary>
internal static class ServiceDeskDemoVolume
{
    public const string XintaiCode = "370982";
    public static readonly DateOnly From = new(2020, 1, 1);
    public static readonly DateOnly To = new(2021, 6, 30);
    private const string Prefix = "新泰接诉";
    private const int Batch = 500;
    private const int BulkBatch = 5_000;

    public static (int Rated, int Satisfied) Ratings(DemoVolume volume) => volume.XintaiRatings;

    private static readonly (string Name, string Representative, string Contact, string Address)[] Enterprises =
    [
        ("新泰市青云建材有限公司", "刘兴旺", "刘海霞", "新泰市青云街道府前大街18号"),
        ("新泰市新汶商贸有限公司", "赵德明", "赵晓丽", "新泰市新汶街道新汶大街66号"),
        ("山东新泰平阳农业发展有限公司", "孙立国", "孙静", "新泰市东都镇驻地"),
    ];

    private static readonly (RequestKind Kind, string Title)[] Matters =
    [
        (RequestKind.PolicyConsultation, "咨询小微企业社保费减免政策"),
        (RequestKind.ServiceRequest, "厂区门前道路破损影响车辆通行"),
        (RequestKind.ServiceRequest, "申请协调办理用电增容"),
        (RequestKind.ComplaintReport, "反映周边施工夜间噪声扰民"),
        (RequestKind.LegalMatter, "下游客户拖欠货款，请求协调"),
    ];

    public static async Task ApplyAsync(IServiceProvider services, DemoVolume volume, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await sp.GetRequiredService<IOrgUnitDirectory>().FindByCodeAsync(XintaiCode, ct) is not { } unit) return;
        var codes = Enterprises.Select((_, i) => CreditCode($"91370982MA3DXT{i:D2}")).ToList();
        if (await db.Set<Enterprise>().IgnoreQueryFilters().AnyAsync(e => e.CreditCode == codes[0], ct)) return;

        var random = new Random(volume.Seed);
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var signedUp = ChinaTime.StartOfDay(From.AddDays(-10)).AddHours(9).ToUniversalTime();
        var enterprises = Enterprises.Select((e, i) => Enterprise.SignUp(Guid.CreateVersion7(), unit.Id, codes[i], e.Name, e.Representative, e.Contact,
            protector.Protect(PersonalDataKind.Mobile, $"1390538{i:D4}"), e.Address, signedUp)).ToList();
        foreach (var e in enterprises) e.Approve("新泰市接诉即办受理员", signedUp.AddHours(2));
        db.AddRange(enterprises);
        await db.SaveChangesAsync(ct);

        var officers = new[] { new DeskActor(Guid.CreateVersion7(), "新泰市接诉即办受理员甲"), new DeskActor(Guid.CreateVersion7(), "新泰市接诉即办受理员乙") };
        var (rated, satisfied) = Ratings(volume);
        var days = To.DayNumber - From.DayNumber - 10;
        var filed = Enumerable.Range(0, rated).Select(i => (Index: i, On: From.AddDays(random.Next(0, days + 1)))).OrderBy(p => p.On).ToList();
        var dissatisfied = filed.Select(p => p.Index).OrderBy(_ => random.Next()).Take(rated - satisfied).ToHashSet();
        var written = 0L;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var year in filed.Select(p => p.On.Year).Distinct().ToList())
        {
            var ofYear = filed.Where(p => p.On.Year == year).ToList();
            // The desk's numbers of the year in filing order, taken from the services' sequence at once.
            var next = await DemoVolume.TakeNumbersAsync(services, RequestAppService.NumberKind, unit.Id, year, ofYear.Count, ct);
            foreach (var chunk in ofYear.Chunk(volume.IsSmall ? Batch : BulkBatch))
            {
                var requests = new List<DeskRequest>(chunk.Length);
                foreach (var (index, on) in chunk)
                {
                    var enterprise = enterprises[random.Next(enterprises.Count)];
                    var (kind, title) = Matters[random.Next(Matters.Length)];
                    var sequence = next++;
                    var at = ChinaTime.StartOfDay(on).AddHours(8 + random.Next(0, 9)).AddMinutes(random.Next(0, 60)).ToUniversalTime();
                    var request = DeskRequest.File(Guid.CreateVersion7(), enterprise, OfficialNumber.Format(Prefix, on.Year, sequence), on.Year, sequence, kind, title,
                        $"{enterprise.Name}反映：{title}。", null, false, MaterialsChecklist.For(kind).Select(m => m.Code), enterprise.ContactName, at, at.AddHours(24));
                    var officer = officers[random.Next(officers.Length)];
                    request.Take(officer, complex: false, at.AddHours(1 + random.Next(0, 4)));
                    var concludedAt = at.AddDays(1 + random.Next(0, 6));
                    request.Conclude(officer, "已协调有关部门办理完毕，并告知企业办理结果", concludedAt);
                    if (dissatisfied.Contains(index))
                    {
                        request.Rate(ServiceRating.Dissatisfied, "办理时间偏长", enterprise.ContactName, concludedAt.AddDays(1));
                        request.Review(false, "经核查已按程序办理，维持办结", "新泰市接诉即办负责人", concludedAt.AddDays(2));
                    }
                    else request.Rate(random.Next(5) == 0 ? ServiceRating.BasicallySatisfied : ServiceRating.Satisfied, null, enterprise.ContactName, concludedAt.AddDays(1));
                    requests.Add(request);
                }
                await volume.WriteBatchAsync(services, requests, ct);
                written += requests.Count;
            }
        }

        await volume.AuditImportAsync(services, nameof(DeskRequest), written, new { desk = unit.Name }, ct);
        sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceDeskDemoVolume)).LogInformation(
            "Demo volume {Size}: {Count} desk requests of {Desk} written in {Seconds:F1} s ({Rate:F0} a second)",
            volume.Size, written, unit.Name, clock.Elapsed.TotalSeconds, written / Math.Max(0.001, clock.Elapsed.TotalSeconds));
    }

    /// <summary>A unified social credit code (GB 32100) from its first 16 characters, the 17th and the check character made to fit.</summary>
    private static string CreditCode(string first16)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = first16 + "0";
        return alphabet.Select(c => body + c).First(ChineseIdentifiers.IsValidCreditCode);
    }
}
