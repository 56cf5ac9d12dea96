using Mediation.Cases;
using Mediation.Core.Deadlines;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

/// <summary>
/// One request for the desk: facts, materials, transfers, the notices issued, the timeline, and the actions its state allows —
/// take (首问负责), 一次性告知, transfer, conclude (办结告知), the legal route or the hand-off to mediation, the desk head's review.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.Desk.Read)]
internal sealed class DetailModel(RequestAppService requests, HandOffAppService handOff, PetitionHandOffAppService petitionHandOff, EscalationAppService escalation, AttachmentAppService attachments,
    IUserDirectory users, IOrgUnitDirectory units, IRecordReferences references, ICurrentUser user)
    : FormPageModel
{
    public sealed class TakeForm
    {
        public bool Complex { get; set; }
    }

    public sealed class NoticeForm
    {
        public string? ExtraItems { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class TransferForm
    {
        public string? ColleagueUserName { get; set; }
        public string? ToDepartment { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ConcludeForm
    {
        public string? Result { get; set; }
    }

    public sealed class RouteForm
    {
        public LegalRoute? Route { get; set; }
        public string? Body { get; set; }
        public string? Note { get; set; }
        public string? Outcome { get; set; }
    }

    public sealed class ReviewForm
    {
        public bool? Reopen { get; set; }
        public string? Note { get; set; }
    }

    public sealed class PetitionForm
    {
        public string? RequestedOutcome { get; set; }
        public bool EnterpriseConsents { get; set; }
    }

    public sealed class EscalateForm
    {
        public string? Reason { get; set; }
    }

    public sealed class HandOffForm
    {
        public Guid? CommitteeId { get; set; }
        public DisputeType? DisputeType { get; set; }
        public string? OtherPartyName { get; set; }
        public string? OtherPartyCreditCode { get; set; }
        public bool EnterpriseConsents { get; set; }
        public bool OtherPartyConsents { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    [BindProperty]
    public TakeForm Take { get; set; } = new();

    [BindProperty]
    public NoticeForm Notice { get; set; } = new();

    [BindProperty]
    public TransferForm Transfer { get; set; } = new();

    [BindProperty]
    public ConcludeForm Conclude { get; set; } = new();

    [BindProperty]
    public RouteForm Route { get; set; } = new();

    [BindProperty]
    public ReviewForm Review { get; set; } = new();

    [BindProperty]
    public HandOffForm HandOff { get; set; } = new();

    [BindProperty]
    public EscalateForm Escalate { get; set; } = new();

    [BindProperty]
    public PetitionForm Petition { get; set; } = new();

    public DeskRequestDto Desk { get; private set; } = null!;

    public IReadOnlyList<CommitteeSummaryDto> Committees { get; private set; } = [];

    /// <summary>The petition page, when the reader may open it (Petitions' permission and data scope); otherwise the number stands alone.</summary>
    public string? PetitionLink { get; private set; }

    public bool CanHandle => user.HasPermission(ServiceDeskPermissions.Desk.Handle);

    public bool CanSupervise => user.HasPermission(ServiceDeskPermissions.Desk.Supervise);

    public bool IsOwner => Desk.OwnerId == user.Id;

    /// <summary>An officer of the unit the request was escalated to, or of a unit above it, while no one there has accepted it.</summary>
    public bool CanAcceptEscalation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostTakeAsync(CancellationToken ct) =>
        ActAsync("Take", () => requests.TakeAsync(Id, new TakeInput(Take.Complex, ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostNoticeAsync(CancellationToken ct) =>
        ActAsync("Notice", () => requests.MaterialsNoticeAsync(Id, new MaterialsNoticeInput(Lines(Notice.ExtraItems), DeskDisplay.Blank(Notice.Reason),
            ConcurrencyStamp), ct), ct);

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken ct)
    {
        Guid? colleague = null;
        if (DeskDisplay.Blank(Transfer.ColleagueUserName) is { } userName)
        {
            colleague = (await users.FindByUserNameAsync(userName, ct))?.Id;
            if (colleague is null)
            {
                ModelState.AddModelError("Transfer.ColleagueUserName", Text("ServiceDeskUi:NoSuchColleague"));
                await LoadAsync(ct);
                return Page();
            }
        }
        return await ActAsync("Transfer", () => requests.TransferAsync(Id, new TransferInput(colleague, DeskDisplay.Blank(Transfer.ToDepartment),
            DeskDisplay.Blank(Transfer.Reason), ConcurrencyStamp), ct), ct);
    }

    public Task<IActionResult> OnPostConcludeAsync(CancellationToken ct) =>
        ActAsync("Conclude", () => requests.ConcludeAsync(Id, new ConcludeInput(DeskDisplay.Blank(Conclude.Result), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostRouteAsync(CancellationToken ct) =>
        ActAsync("Route", () => requests.RouteAsync(Id, new LegalRouteInput(Route.Route, DeskDisplay.Blank(Route.Body), DeskDisplay.Blank(Route.Note),
            ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostOutcomeAsync(CancellationToken ct) =>
        ActAsync("Route", () => requests.RouteOutcomeAsync(Id, new RouteOutcomeInput(DeskDisplay.Blank(Route.Outcome), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) =>
        ActAsync("Review", () => requests.ReviewAsync(Id, new ReviewInput(Review.Reopen, DeskDisplay.Blank(Review.Note), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostPetitionAsync(CancellationToken ct) =>
        ActAsync("Petition", () => petitionHandOff.HandOffAsync(Id, new HandOffToPetitionInput(null, DeskDisplay.Blank(Petition.RequestedOutcome),
            Petition.EnterpriseConsents, ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostEscalateAsync(CancellationToken ct) =>
        ActAsync("Escalate", () => escalation.EscalateAsync(Id, new EscalateInput(DeskDisplay.Blank(Escalate.Reason), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostAcceptEscalationAsync(CancellationToken ct) =>
        ActAsync("AcceptEscalation", () => escalation.AcceptAsync(Id, new AcceptEscalationInput(ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostAttachmentAsync(CancellationToken ct) => CanHandle
        ? ActAsync("Attachment", async () => await attachments.StaffAddAsync(Id, await AttachmentAppService.ReadUploadAsync(Request, ct), ct), ct)
        : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostHandOffAsync(CancellationToken ct) =>
        ActAsync("HandOff", () => handOff.HandOffAsync(Id, new HandOffToMediationInput(HandOff.CommitteeId, HandOff.DisputeType, null, HandOff.EnterpriseConsents,
            [new MediationPartyInput(PartyKind.Organisation, DeskDisplay.Blank(HandOff.OtherPartyName), null, DeskDisplay.Blank(HandOff.OtherPartyCreditCode), null,
                HandOff.OtherPartyConsents)], ConcurrencyStamp), ct), ct);

    private async Task<IActionResult> ActAsync(string form, Func<Task> action, CancellationToken ct)
    {
        if (!CanHandle && !CanSupervise) return Forbid();
        if (await TryAsync(form, action)) return Redirect($"/ServiceDesk/Requests/{Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Desk = await requests.GetAsync(Id, ct);
        if (Desk.LegalRoute?.Petition is { } petition)
            PetitionLink = (await references.DescribeAsync(PetitionRecordType, [petition.PetitionId], ct)).GetValueOrDefault(petition.PetitionId)?.Link;
        if (CanHandle && Desk.Escalation is { AcceptedAt: null } pending && Desk.Status is RequestStatus.InHandling or RequestStatus.AwaitingMaterials
            && user.OrgUnitPath is { } mine)
            CanAcceptEscalation = (await units.GetAsync(pending.ToUnitId, ct)).Path.StartsWith(mine, StringComparison.Ordinal);
        if (CanHandle && Desk.Kind is RequestKind.LegalMatter && Desk.LegalRoute is null && Desk.Status is RequestStatus.InHandling && IsOwner)
            Committees = await handOff.CommitteesAsync(Id, ct);
    }

    private const string PetitionRecordType = "Petition";

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
