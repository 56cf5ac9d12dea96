using Mediation.Core.Web;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>One meeting: agenda with the linked records, attendance, decisions and the tasks they assigned; the office's actions on it.</summary>
[Authorize(Policy = JointMeetingsPermissions.Meetings.Read)]
internal sealed class MeetingModel(JointMeetingsAppService meetings, JointMeetingDocumentsAppService documents, ICurrentUser user) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public NewItemForm Item { get; set; } = new();

    [BindProperty]
    public Guid? ProposedItemId { get; set; }

    public MeetingDto Meeting { get; private set; } = null!;

    public IReadOnlyList<AgendaItemDto> Proposed { get; private set; } = [];

    public bool CanManage => user.HasPermission(JointMeetingsPermissions.Meetings.Manage);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAddItemAsync(CancellationToken ct) =>
        WriteAsync(nameof(Item), () => meetings.AddToAgendaAsync(Id, new ProposeAgendaItemInput(Meeting.GroupId,
            MeetingDisplay.Blank(Item.Title), MeetingDisplay.Blank(Item.Description), null, null, null), ct), ct);

    // Each proposed item's stamp as the form showed it (a hidden field per item, read here, not bound), so an item changed since is
    // the stale-stamp conflict.
    public Task<IActionResult> OnPostPlaceAsync(CancellationToken ct) =>
        WriteAsync(nameof(ProposedItemId), () => meetings.PlaceOnAgendaAsync(Id, new PlaceOnAgendaInput(ProposedItemId,
            ProposedItemId is { } chosen && Request.Form.TryGetValue($"ProposedStamps[{chosen}]", out var shown) ? shown.ToString() : null), ct), ct);

    public async Task<IActionResult> OnPostMinutesAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        MinutesIssuedDto? issued = null;
        if (await TryAsync("", async () => issued = await documents.IssueMinutesAsync(Id, ct))) return Redirect($"/api/documents/{issued!.DocumentId}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> WriteAsync(string prefix, Func<Task> write, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        Meeting = await meetings.GetMeetingAsync(Id, ct);
        if (await TryAsync(prefix, write)) return Redirect($"/JointMeetings/Meetings/{Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Meeting = await meetings.GetMeetingAsync(Id, ct);
        if (CanManage) Proposed = (await meetings.ListProposedAsync(Paging.WebPageList, ct)).Items.Where(i => i.GroupId == Meeting.GroupId).ToList();
    }
}

internal sealed class NewItemForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
}
