using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>
/// One task: its reports and supervision. The lead unit's liaison acknowledges it and reports progress and completion; the office
/// accepts or returns the completion and records 约谈 / 挂牌督办. Whoever may see neither gets a 404 from the service.
/// </summary>
[Authorize]
internal sealed class TaskModel(TaskAppService tasks, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    [BindProperty]
    public TaskReportForm Report { get; set; } = new();

    [BindProperty]
    public MeasureForm Measure { get; set; } = new();

    public AssignedTaskDto Assigned { get; private set; } = null!;

    public bool IsLeadUnit { get; private set; }

    public bool CanManage => user.HasPermission(JointMeetingsPermissions.Meetings.Manage);

    public string Today => Core.Deadlines.Domain.ChinaTime.DateOf(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct) =>
        WriteAsync("", () => tasks.AcknowledgeAsync(Id, new AcknowledgeTaskInput(ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostProgressAsync(CancellationToken ct) =>
        WriteAsync(nameof(Report), () => tasks.ReportProgressAsync(Id, new ReportProgressInput(MeetingDisplay.Blank(Report.Text), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) =>
        WriteAsync(nameof(Report), () => tasks.ReportCompletionAsync(Id,
            new ReportCompletionInput(MeetingDisplay.Blank(Report.Text), MeetingDisplay.Blank(Report.Evidence), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostUploadAsync(CancellationToken ct) =>
        WriteAsync("Attachment", async () => await tasks.AddAttachmentAsync(Id, await TaskAppService.ReadUploadAsync(Request, ct), ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => AnswerAsync(accepted: true, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => AnswerAsync(accepted: false, ct);

    public Task<IActionResult> OnPostMeasureAsync(CancellationToken ct) =>
        CanManage
            ? WriteAsync(nameof(Measure), () => tasks.RecordMeasureAsync(Id,
                new RecordMeasureInput(Measure.Kind, Measure.On, MeetingDisplay.Blank(Measure.Note), ConcurrencyStamp), ct), ct)
            : Task.FromResult<IActionResult>(Forbid());

    private Task<IActionResult> AnswerAsync(bool accepted, CancellationToken ct) =>
        CanManage
            ? WriteAsync(nameof(Report), () => tasks.AnswerCompletionAsync(Id, new AcceptCompletionInput(accepted, MeetingDisplay.Blank(Report.Note), ConcurrencyStamp), ct), ct)
            : Task.FromResult<IActionResult>(Forbid());

    private async Task<IActionResult> WriteAsync(string prefix, Func<Task> write, CancellationToken ct)
    {
        if (await TryAsync(prefix, write)) return Redirect($"/JointMeetings/Tasks/{Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Assigned = await tasks.GetAsync(Id, ct);
        IsLeadUnit = user.HasPermission(JointMeetingsPermissions.Tasks.Report) && (await tasks.MyUnitsAsync(ct)).Any(u => u.Id == Assigned.LeadUnit.Id);
    }
}

internal sealed class TaskReportForm
{
    public string? Text { get; set; }
    public string? Evidence { get; set; }
    public string? Note { get; set; }
}

internal sealed class MeasureForm
{
    public SupervisionKind? Kind { get; set; }
    public DateOnly? On { get; set; }
    public string? Note { get; set; }
}
