using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Documents.Templates;
using Mediation.Core.Numbering;
using Mediation.JointMeetings.Data;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Application;

/// <summary>
/// 会议纪要, issued once per held meeting into the archive with the working group's number (泰安政法联〔2026〕3号, GB/T 9704
/// without padding), and the 督办清单 of open tasks by lead unit, printed or exported on demand (not archived: it is a snapshot).
/// </summary>
internal sealed class JointMeetingDocumentsAppService(MediationDbContext db, JointMeetingsAppService meetings, IDocumentArchive documents,
    INumberSequence numbers, TimeProvider clock)
{
    public const string MinutesTemplate = "joint-meeting-minutes";
    public const string SupervisionListTemplate = "supervision-list";
    public const string MinutesNumberKind = "joint-meetings.minutes";

    public async Task<MinutesIssuedDto> IssueMinutesAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await meetings.FindMeetingAsync(meetingId, ct);
        meeting.EnsureMinutesNotIssued();
        var group = await meetings.FindGroupAsync(meeting.GroupId, ct);
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.ProposedAt).ToListAsync(ct);
        var tasks = await db.Tasks().AsNoTracking().Where(t => t.MeetingId == meetingId).OrderBy(t => t.Number).ToListAsync(ct);
        var order = await db.Set<MemberUnit>().AsNoTracking().Where(u => u.GroupId == group.Id).ToDictionaryAsync(u => u.Id, u => u.Order, ct);
        var model = new Dictionary<string, object?>
        {
            ["group_name"] = group.Name,
            ["convener"] = group.Convener,
            ["meeting_title"] = meeting.Title,
            ["held_at"] = ChineseDates.FormatWithTime(meeting.HeldAt!.Value),
            ["place"] = meeting.Place,
            ["chair"] = meeting.Chair,
            ["attendance"] = meeting.Attendance.OrderBy(a => order.GetValueOrDefault(a.MemberUnitId, int.MaxValue)).Select(a => (object?)new Dictionary<string, object?>
            {
                ["unit"] = a.UnitName,
                ["status"] = a.Status switch { AttendanceStatus.Present => "出席", AttendanceStatus.Absent => "缺席", _ => "委托参会" },
                ["person"] = a.Status is AttendanceStatus.Substitute ? a.SubstituteName : a.Attendee,
            }).ToList(),
            ["items"] = items.Where(i => i.Status is AgendaItemStatus.Decided).Select((i, n) => (object?)new Dictionary<string, object?>
            {
                ["index"] = ChineseNumerals.Format(n + 1),
                ["title"] = i.Title,
                ["linked"] = i.LinkedRecordNumber is null ? "" : $"{LinkedName(i.LinkedRecordType!.Value)}{i.LinkedRecordNumber}",
                ["decision"] = i.Decision,
            }).ToList(),
            ["tasks"] = tasks.Select(t => (object?)new Dictionary<string, object?>
            {
                ["number"] = t.Number,
                ["requirement"] = t.Requirement,
                ["lead"] = t.LeadUnitName,
                ["cooperating"] = t.Cooperating.Count == 0 ? "—" : string.Join("、", t.Cooperating.Select(c => c.Name)),
                ["due_date"] = t.DueDate,
            }).ToList(),
        };
        var year = ChinaTime.ToChina(clock.GetUtcNow()).Year;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = OfficialNumber.Format(group.IssuerCode, year, await numbers.NextAsync(MinutesNumberKind, group.Id, year, ct));
        var issued = await documents.IssueAsync(new IssueFromTemplate(MinutesTemplate, number, nameof(Meeting), meeting.Id.ToString(), meeting.OrgUnitId, model), ct);
        meeting.MinutesIssued(issued.Id, number);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new MinutesIssuedDto(meeting.Id, issued.Id, number);
    }

    /// <summary>The open tasks (not yet accepted) of the caller's working groups, by lead unit in the group's order, nearest due date first.</summary>
    public Task<IReadOnlyList<SupervisionRow>> SupervisionRowsAsync(CancellationToken ct) => RowsAsync(openOnly: true, orgUnitIds: null, ct);

    /// <summary>
    /// The tasks as rows; <paramref name="orgUnitIds"/> narrows them for a caller-less background job to the units its requester
    /// may see (in a request, the data scope already does).
    /// </summary>
    public async Task<IReadOnlyList<SupervisionRow>> RowsAsync(bool openOnly, IQueryable<Guid>? orgUnitIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.Tasks().AsNoTracking().Where(t => !openOnly || t.Status != AssignedTaskStatus.Accepted);
        if (orgUnitIds is not null) query = query.Where(t => orgUnitIds.Contains(t.OrgUnitId));
        var tasks = await query.ToListAsync(ct);
        var meetingIds = tasks.Select(t => t.MeetingId).Distinct().ToList();
        var titles = await db.Set<Meeting>().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var order = await db.Set<MemberUnit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Order, ct);
        return tasks.OrderBy(t => order.GetValueOrDefault(t.LeadUnitId, int.MaxValue)).ThenBy(t => t.DueAt)
            .Select(t => new SupervisionRow(t.LeadUnitName, titles.GetValueOrDefault(t.MeetingId, ""), t.Number, t.Requirement, StatusName(t.Status), t.DueDate,
                t.IsOverdue(now), string.Join("、", t.Supervisions.OrderBy(s => s.At).Select(s => $"{ChineseDates.Format(s.At)}{MeasureName(s.Kind)}"))))
            .ToList();
    }

    public async Task<byte[]> SupervisionListPdfAsync(CancellationToken ct)
    {
        var rows = await SupervisionRowsAsync(ct);
        var group = await db.Set<WorkingGroup>().AsNoTracking().OrderBy(g => g.Level).FirstOrDefaultAsync(ct);
        var model = new Dictionary<string, object?>
        {
            ["group_name"] = group?.Name ?? "联席会议",
            ["convener"] = group?.Convener ?? "",
            ["as_of"] = ChinaTime.DateOf(clock.GetUtcNow()),
            ["units"] = rows.GroupBy(r => r.LeadUnit).Select(g => (object?)new Dictionary<string, object?>
            {
                ["name"] = g.Key,
                ["tasks"] = g.Select(r => (object?)new Dictionary<string, object?>
                {
                    ["meeting"] = r.Meeting, ["number"] = r.Number, ["requirement"] = r.Requirement, ["status"] = r.Status,
                    ["due_date"] = r.DueDate, ["overdue"] = r.Overdue, ["steps"] = r.Supervision,
                }).ToList(),
            }).ToList(),
        };
        return await documents.RenderUnarchivedAsync(SupervisionListTemplate, "督办清单", model, ct);
    }

    public async Task<byte[]> SupervisionListExcelAsync(CancellationToken ct) => Excel(await SupervisionRowsAsync(ct), "督办清单");

    public static byte[] Excel(IReadOnlyList<SupervisionRow> rows, string sheetName)
    {
        using var output = new MemoryStream();
        ExcelExporter.Write(output, rows, Columns, sheetName);
        return output.ToArray();
    }

    /// <summary>The columns of the 督办清单 and the register alike.</summary>
    public static readonly IReadOnlyList<ExcelColumn<SupervisionRow>> Columns =
    [
        new("牵头单位", r => r.LeadUnit, Width: 24),
        new("会议", r => r.Meeting, Width: 24),
        new("序号", r => r.Number, Width: 6),
        new("交办事项", r => r.Requirement, Width: 40),
        new("状态", r => r.Status, Width: 10),
        new("办结时限", r => r.DueDate, ExcelExporter.DateFormat, Width: 12),
        new("是否逾期", r => r.Overdue ? "是" : "否", Width: 8),
        new("督办情况", r => r.Supervision, Width: 40),
    ];

    internal static string StatusName(AssignedTaskStatus status) => status switch
    {
        AssignedTaskStatus.Assigned => "已交办",
        AssignedTaskStatus.InProgress => "办理中",
        AssignedTaskStatus.CompletionReported => "已报办结待验收",
        _ => "已验收办结",
    };

    internal static string MeasureName(SupervisionKind kind) => kind switch
    {
        SupervisionKind.Urge => "催办",
        SupervisionKind.Supervise => "督办",
        SupervisionKind.Circulate => "通报",
        SupervisionKind.Interview => "约谈",
        _ => "挂牌督办",
    };

    private static string LinkedName(LinkedRecordType type) => type switch
    {
        LinkedRecordType.Petition => "信访事项",
        LinkedRecordType.MediationCase => "调解案件",
        LinkedRecordType.DeskRequest => "接诉即办诉求",
        _ => "法律窗口服务",
    };
}

internal sealed record SupervisionRow(string LeadUnit, string Meeting, int Number, string Requirement, string Status, DateOnly? DueDate, bool Overdue, string Supervision);
