using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>The meeting took place: when, where, who chaired, and every member unit's attendance (present by default).</summary>
[Authorize(Policy = JointMeetingsPermissions.Meetings.Manage)]
internal sealed class RecordModel(JointMeetingsAppService meetings, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public RecordHeldForm Form { get; set; } = new();

    public MeetingDto Meeting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Meeting = await meetings.GetMeetingAsync(Id, ct);
        var group = await meetings.GetGroupAsync(Meeting.GroupId, ct);
        var now = clock.GetUtcNow();
        Form.HeldAt = (Meeting.ScheduledAt < now ? Meeting.ScheduledAt : now).ToOffset(Core.Deadlines.Domain.ChinaTime.Offset).DateTime;
        Form.Place = Meeting.Place;
        Form.ConcurrencyStamp = Meeting.ConcurrencyStamp;
        Form.Attendance = group.MemberUnits.Select(u => new AttendanceForm { MemberUnitId = u.Id, UnitName = u.Name, Status = AttendanceStatus.Present }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new RecordMeetingInput(MeetingDisplay.FromLocalInput(Form.HeldAt), MeetingDisplay.Blank(Form.Place), MeetingDisplay.Blank(Form.Chair),
            Form.Attendance.Select(a => new AttendanceInput(a.MemberUnitId, a.Status, MeetingDisplay.Blank(a.Attendee), MeetingDisplay.Blank(a.SubstituteName))).ToList(),
            Form.ConcurrencyStamp);
        if (await TryAsync(nameof(Form), () => meetings.RecordHeldAsync(Id, input, ct))) return Redirect($"/JointMeetings/Meetings/{Id}");
        Meeting = await meetings.GetMeetingAsync(Id, ct);
        return Page();
    }
}

internal sealed class RecordHeldForm
{
    public DateTime? HeldAt { get; set; }
    public string? Place { get; set; }
    public string? Chair { get; set; }
    public string? ConcurrencyStamp { get; set; }
    public List<AttendanceForm> Attendance { get; set; } = [];
}

internal sealed class AttendanceForm
{
    public Guid? MemberUnitId { get; set; }
    public string? UnitName { get; set; }
    public AttendanceStatus? Status { get; set; }
    public string? Attendee { get; set; }
    public string? SubstituteName { get; set; }
}
