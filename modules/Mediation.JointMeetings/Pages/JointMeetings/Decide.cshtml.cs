using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>The meeting's decision on one item and the tasks it assigns to member units; the due dates follow from the policy.</summary>
[Authorize(Policy = JointMeetingsPermissions.Meetings.Manage)]
internal sealed class DecideModel(JointMeetingsAppService meetings) : FormPageModel
{
    public const int TaskRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DecideForm Form { get; set; } = new();

    public AgendaItemDto Item { get; private set; } = null!;

    public MeetingDto Meeting { get; private set; } = null!;

    public IReadOnlyList<MemberUnitDto> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form.ConcurrencyStamp = Item.ConcurrencyStamp;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A row left wholly empty is no task; a half-filled one is sent on, so the service names what it lacks.
        var tasks = Form.Tasks.Where(t => MeetingDisplay.Blank(t.Requirement) is not null || t.LeadUnitId is not null)
            .Select(t => new TaskInput(MeetingDisplay.Blank(t.Requirement), t.LeadUnitId, t.CooperatingUnitIds, t.Urgent)).ToList();
        if (await TryAsync(nameof(Form), () => meetings.DecideAsync(Id, new DecideAgendaItemInput(MeetingDisplay.Blank(Form.Decision), tasks, Form.ConcurrencyStamp), ct)))
        {
            await LoadAsync(ct);
            return Redirect($"/JointMeetings/Meetings/{Meeting.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Item = await meetings.GetItemAsync(Id, ct);
        if (Item.MeetingId is not { } meetingId) throw new Core.Domain.EntityNotFoundException("AgendaItem", Id);
        Meeting = await meetings.GetMeetingAsync(meetingId, ct);
        Units = (await meetings.GetGroupAsync(Item.GroupId, ct)).MemberUnits;
        while (Form.Tasks.Count < TaskRows) Form.Tasks.Add(new TaskForm());
    }
}

internal sealed class DecideForm
{
    public string? Decision { get; set; }
    public string? ConcurrencyStamp { get; set; }
    public List<TaskForm> Tasks { get; set; } = [];
}

internal sealed class TaskForm
{
    public string? Requirement { get; set; }
    public Guid? LeadUnitId { get; set; }
    public List<Guid> CooperatingUnitIds { get; set; } = [];
    public bool Urgent { get; set; }
}
