using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

[Authorize(Policy = JointMeetingsPermissions.Meetings.Manage)]
internal sealed class ScheduleModel(JointMeetingsAppService meetings) : FormPageModel
{
    [BindProperty]
    public ScheduleForm Form { get; set; } = new();

    public IReadOnlyList<WorkingGroupDto> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Groups = await meetings.ListGroupsAsync(ct);
        Form.GroupId = Groups.Count > 0 ? Groups[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        MeetingDto? created = null;
        if (await TryAsync(nameof(Form), async () => created = await meetings.ScheduleAsync(
                new ScheduleMeetingInput(Form.GroupId, MeetingDisplay.Blank(Form.Title), MeetingDisplay.FromLocalInput(Form.ScheduledAt), MeetingDisplay.Blank(Form.Place)), ct)))
            return Redirect($"/JointMeetings/Meetings/{created!.Id}");
        Groups = await meetings.ListGroupsAsync(ct);
        return Page();
    }
}

internal sealed class ScheduleForm
{
    public Guid? GroupId { get; set; }
    public string? Title { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public string? Place { get; set; }
}
