using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.OrgUnits;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Documents.Templates;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Validation;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>
/// 法律咨询登记表 (consultation, mediation at the window) and 代办事项回执 (errand) issued into the archive once per record and reprinted
/// from it; the monthly service ledger (工作台账) per window or advisor in Excel.
/// </summary>
internal sealed class ServiceDocumentsAppService(MediationDbContext db, ServiceRecordAppService records, WindowAppService windows, AdvisorScope scope,
    IOrgUnitDirectory directory, IDocumentArchive documents)
{
    public const string ConsultationFormTemplate = "legal-consultation-form";
    public const string ErrandReceiptTemplate = "errand-receipt";

    public static string KindName(ServiceKind kind) => kind switch
    {
        ServiceKind.CivilAgency => "民事代办",
        ServiceKind.Consultation => "咨询服务",
        ServiceKind.PublicWelfare => "公益事业",
        _ => "民事调解",
    };

    public static string AdvisorKindName(AdvisorKind kind) => kind is AdvisorKind.Lawyer ? "律师" : "基层法律服务工作者";

    public async Task<ServiceDocumentDto> IssueAsync(Guid id, CancellationToken ct)
    {
        var record = await records.FindAsync(id, ct);
        if (record.Kind is ServiceKind.PublicWelfare) throw new BusinessException(LegalWindowsErrorCodes.NoDocumentForKind);
        if (record.DocumentId is { } issuedId) return new ServiceDocumentDto(record.Id, issuedId, (await documents.GetAsync(issuedId, ct)).Number);

        var window = await db.Set<LegalWindow>().AsNoTracking().SingleAsync(w => w.Id == record.WindowId, ct);
        var advisor = await db.Set<LegalAdvisor>().IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == record.AdvisorId, ct);
        var village = await directory.GetAsync(window.OrgUnitId, ct);
        var township = village.ParentId is { } parentId ? (await directory.GetAsync(parentId, ct)).Name : village.Name;
        var dto = await records.ToDtoAsync(record, ct);
        var errand = record.Kind is ServiceKind.CivilAgency;
        var model = new Dictionary<string, object?>
        {
            ["window"] = window.Name,
            ["township"] = township,
            ["kind"] = KindName(record.Kind),
            ["served_at"] = ChineseDates.FormatWithTime(record.ServedAt),
            ["accepted_on"] = ChineseDates.Format(record.ServedAt),
            ["due_on"] = dto.Errand?.DueOn is { } due ? ChineseDates.Format(due) : "",
            ["person"] = record.PersonName ?? "",
            ["id_number"] = record.IdCardMasked,
            ["phone"] = record.PhoneMasked,
            ["matter"] = record.Matter ?? "",
            ["advice"] = record.Advice ?? "（当场未作解答）",
            ["minutes"] = record.Minutes is { } m ? m.ToString(CultureInfo.InvariantCulture) + "分钟" : "",
            ["laws"] = record.LawsCited,
            ["follow_up"] = record.FollowUpNeeded ? "需要：" + record.FollowUpNote : "无",
            ["referral"] = record.CaseNumber is { } caseNumber ? $"经各方当事人同意，已转介人民调解（案件编号{caseNumber}）" : null,
            ["advisor"] = advisor.Name,
            ["advisor_kind"] = AdvisorKindName(advisor.Kind),
            ["firm"] = advisor.Firm,
            ["licence"] = advisor.LicenceNumber,
            ["window_phone"] = window.Phone,
        };
        var document = await documents.PrepareAsync(new IssueFromTemplate(errand ? ErrandReceiptTemplate : ConsultationFormTemplate,
            record.Number + (errand ? "回执" : "登记表"), ServiceRecordAppService.RecordType, record.Id.ToString(), record.OrgUnitId, model), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var issued = await documents.IssueAsync(document, ct);
        record.DocumentIssued(issued.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ServiceDocumentDto(record.Id, issued.Id, issued.Number);
    }

    /// <summary>
    /// 工作台账 of one month (China time) for the caller's windows, narrowed to a window or an advisor. Rows stream from the
    /// database into a temporary file (MiniExcel writes synchronously), which the response then sends and deletes.
    /// A large month goes through the background export (<see cref="LedgerExport"/>) instead, with its progress shown.
    /// </summary>
    public async Task<Stream> LedgerAsync(string? month, Guid? windowId, Guid? advisorId, CancellationToken ct)
    {
        var first = await CheckLedgerAsync(month, windowId, ct);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await WriteLedgerAsync(first, windowId, advisorId, file, null, ct);
        file.Position = 0;
        return file;
    }

    /// <summary>The month's first day; refuses a malformed month and a window outside the caller's scope (404).</summary>
    public async Task<DateOnly> CheckLedgerAsync(string? month, Guid? windowId, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact((month ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first < InputValidator.EarliestDate || first.Year > 2100)
            throw new InputValidationException([new FieldError("month", LegalWindowsErrorCodes.MonthInvalid, new Dictionary<string, object?>())]);
        if (windowId is { } w) await windows.FindWindowAsync(w, ct);
        return first;
    }

    public async Task WriteLedgerAsync(DateOnly first, Guid? windowId, Guid? advisorId, Stream output, IExportProgress? progress, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDay(first).ToUniversalTime();
        var end = ChinaTime.StartOfDay(first.AddMonths(1)).ToUniversalTime();
        var query = (await scope.RecordsAsync(ct)).AsNoTracking().Where(r => r.ServedAt >= start && r.ServedAt < end);
        if (windowId is { } window) query = query.Where(r => r.WindowId == window);
        if (advisorId is { } advisor) query = query.Where(r => r.AdvisorId == advisor);
        var windowNames = db.Set<LegalWindow>().Select(x => new { x.Id, x.Name });
        // Advisors may be registered above the caller's unit, so their names are read past the scope — in a query of their own:
        // IgnoreQueryFilters inside the ledger's query would lift the scope of the whole query, records included.
        var advisorIds = await query.Select(r => r.AdvisorId).Distinct().ToListAsync(ct);
        var advisorNames = await db.Set<LegalAdvisor>().IgnoreQueryFilters().AsNoTracking().Where(a => advisorIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rows = Named(query.OrderBy(r => r.ServedAt)
            .Select(r => new LedgerRow(r.Number, r.ServedAt, windowNames.Where(x => x.Id == r.WindowId).Select(x => x.Name).First(),
                "", r.Kind, r.PersonName, r.Matter ?? r.Topic, r.Advice, r.Minutes, r.Attendance, r.ErrandStatus, r.CaseNumber, r.ReferralResult,
                r.ParticipationCaseNumber, r.ParticipationSessionNumber, r.AdvisorId))
            .AsAsyncEnumerable(), advisorNames);
        if (progress is not null) rows = rows.Reporting(progress, await query.LongCountAsync(ct), ct);
        await ExcelExporter.WriteAsync(output, rows, Columns, $"{first:yyyy-MM}台账", ct);
    }

    private static async IAsyncEnumerable<LedgerRow> Named(IAsyncEnumerable<LedgerRow> rows, Dictionary<Guid, string> advisorNames)
    {
        await foreach (var row in rows)
            yield return row with { Advisor = advisorNames.GetValueOrDefault(row.AdvisorId, "") };
    }

    internal sealed record LedgerRow(string Number, DateTimeOffset ServedAt, string Window, string Advisor, ServiceKind Kind, string? Person,
        string? Matter, string? Advice, int? Minutes, int? Attendance, ErrandStatus? Errand, string? CaseNumber, ReferralResult? Result,
        string? JoinedCaseNumber, int? JoinedSession, Guid AdvisorId);

    private static readonly IReadOnlyList<ExcelColumn<LedgerRow>> Columns =
    [
        new("编号", r => r.Number, Width: 18),
        new("时间", r => r.ServedAt, ExcelExporter.DateTimeFormat, 17),
        new("窗口", r => r.Window, Width: 20),
        new("法律顾问", r => r.Advisor),
        new("服务类别", r => KindName(r.Kind)),
        new("服务对象", r => r.Person),
        new("事项", r => r.Matter, Width: 40),
        new("解答或结果", r => r.Advice, Width: 40),
        new("用时（分钟）", r => r.Minutes),
        new("参加人数", r => r.Attendance),
        new("代办状态", r => r.Errand switch
        {
            ErrandStatus.Accepted => "已受理",
            ErrandStatus.InProgress => "办理中",
            ErrandStatus.Done => "已办结",
            ErrandStatus.CannotBeDone => "不能办理",
            _ => null,
        }),
        new("转介调解案号", r => r.CaseNumber, Width: 20),
        new("调解结果", r => r.Result switch
        {
            ReferralResult.Succeeded => "调解成功",
            ReferralResult.OralAgreement => "口头协议",
            ReferralResult.Failed => "调解不成",
            ReferralResult.Terminated => "终止调解",
            _ => null,
        }),
        new("参与调解", r => r.JoinedCaseNumber is null ? null : $"{r.JoinedCaseNumber}第{r.JoinedSession}次调解", Width: 24),
    ];
}
