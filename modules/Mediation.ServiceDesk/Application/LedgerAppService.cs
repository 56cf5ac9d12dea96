using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Validation;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>工作台账: every request of a period (China dates of filing) with its timeline, in Excel; and the desk's three rates.</summary>
internal sealed class LedgerAppService(MediationDbContext db, DeskScope scope, TimeProvider clock)
{
    public static string KindName(RequestKind kind) => kind switch
    {
        RequestKind.PolicyConsultation => "政策咨询",
        RequestKind.ServiceRequest => "服务诉求",
        RequestKind.ComplaintReport => "投诉举报",
        _ => "涉法案件",
    };

    public static string StatusName(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => "待受理",
        RequestStatus.InHandling => "办理中",
        RequestStatus.AwaitingMaterials => "待补正材料",
        RequestStatus.Concluded => "已办结待评价",
        RequestStatus.UnderReview => "不满意复核中",
        _ => "已办结",
    };

    public static string RatingName(ServiceRating? rating) => rating switch
    {
        ServiceRating.Satisfied => "满意",
        ServiceRating.BasicallySatisfied => "基本满意",
        ServiceRating.Dissatisfied => "不满意",
        _ => "",
    };

    public static string RouteName(LegalRoute? route) => route switch
    {
        LegalRoute.Court => "诉讼",
        LegalRoute.Arbitration => "仲裁",
        LegalRoute.Mediation => "人民调解",
        LegalRoute.Petition => "信访",
        LegalRoute.OtherDepartment => "其他部门",
        _ => "",
    };

    private IQueryable<DeskRequest> InPeriod(DateOnly? from, DateOnly? to, Guid? enterpriseId, out DateOnly first, out DateOnly last)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        first = from ?? new DateOnly(today.Year, 1, 1);
        last = to ?? today;
        var check = new InputValidator().Happened(first, clock.GetUtcNow(), "from");
        if (last < first || last.DayNumber - first.DayNumber > 366 * 5) check.Add("to", ServiceDeskErrorCodes.PeriodInvalid);
        check.ThrowIfInvalid();
        var start = ChinaTime.StartOfDay(first).ToUniversalTime();
        var end = ChinaTime.StartOfDay(last.AddDays(1)).ToUniversalTime();
        var query = scope.StaffRequests.AsNoTracking().Where(r => r.SubmittedAt >= start && r.SubmittedAt < end);
        return enterpriseId is { } e ? query.Where(r => r.EnterpriseId == e) : query;
    }

    public async Task<DeskRatesDto> RatesAsync(DateOnly? from, DateOnly? to, Guid? enterpriseId, CancellationToken ct)
    {
        var query = InPeriod(from, to, enterpriseId, out var first, out var last);
        var rows = await query.Select(r => new { r.Status, r.AcknowledgedAt, r.AcknowledgementDueAt, r.Rating }).ToListAsync(ct);
        var filed = rows.Count;
        var onTime = rows.Count(r => r.AcknowledgedAt is { } at && at <= r.AcknowledgementDueAt);
        var concluded = rows.Count(r => r.Status is RequestStatus.Concluded or RequestStatus.UnderReview or RequestStatus.Closed);
        var satisfied = rows.Count(r => r.Rating is ServiceRating.Satisfied);
        var basically = rows.Count(r => r.Rating is ServiceRating.BasicallySatisfied);
        var dissatisfied = rows.Count(r => r.Rating is ServiceRating.Dissatisfied);
        var rated = satisfied + basically + dissatisfied;
        return new DeskRatesDto(first, last, filed, onTime, concluded, rated, satisfied, basically, dissatisfied,
            Rate(onTime, filed), Rate(concluded, filed), Rate(satisfied + basically, rated));
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    public async Task<Stream> ExportAsync(DateOnly? from, DateOnly? to, Guid? enterpriseId, RequestKind? kind, RequestStatus? status, CancellationToken ct)
    {
        var query = InPeriod(from, to, enterpriseId, out _, out _);
        if (kind is { } k) query = query.Where(r => r.Kind == k);
        if (status is { } s) query = query.Where(r => r.Status == s);
        var requests = await query.OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        var enterpriseIds = requests.Select(r => r.EnterpriseId).Distinct().ToList();
        var names = await db.Set<Enterprise>().IgnoreQueryFilters().Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var rows = requests.Select(r => new LedgerRow(r, names.GetValueOrDefault(r.EnterpriseId, "?")));
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        ExcelExporter.Write(file, rows, Columns, "工作台账");
        file.Position = 0;
        return file;
    }

    internal sealed record LedgerRow(DeskRequest Request, string Enterprise);

    private static string Timeline(DeskRequest r) => string.Join("\n", r.Events.OrderBy(e => e.Sequence)
        .Select(e => $"{ChinaTime.ToChina(e.At):yyyy-MM-dd HH:mm} {e.Kind} {e.Actor} {e.Note}".TrimEnd()));

    private static readonly IReadOnlyList<ExcelColumn<LedgerRow>> Columns =
    [
        new("编号", r => r.Request.Number, Width: 20),
        new("提交时间", r => r.Request.SubmittedAt, ExcelExporter.DateTimeFormat, 17),
        new("企业", r => r.Enterprise, Width: 24),
        new("类别", r => KindName(r.Request.Kind)),
        new("事项", r => r.Request.Title, Width: 30),
        new("项目或工地", r => r.Request.Project, Width: 20),
        new("紧急", r => r.Request.Urgent ? "是" : "否"),
        new("状态", r => StatusName(r.Request.Status)),
        new("首问负责人", r => r.Request.FirstResponderName),
        new("承办人", r => r.Request.OwnerDepartment ?? r.Request.OwnerName),
        new("受理时间", r => r.Request.AcknowledgedAt, ExcelExporter.DateTimeFormat, 17),
        new("按时响应", r => r.Request.AcknowledgedAt is { } at ? (at <= r.Request.AcknowledgementDueAt ? "是" : "否") : ""),
        new("办结时间", r => r.Request.ConcludedAt, ExcelExporter.DateTimeFormat, 17),
        new("办理结果", r => r.Request.Result, Width: 30),
        new("评价", r => RatingName(r.Request.Rating)),
        new("法律途径", r => RouteName(r.Request.Route)),
        new("调解案号", r => r.Request.CaseNumber, Width: 20),
        new("时间线", r => Timeline(r.Request), Width: 60),
    ];
}
