using Mediation.Core.Web.Pages;
using Mediation.Core.Documents.Application;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>
/// One petition: its parts, timeline, clocks, notices and attachments, and the forms of the steps the officer may take now
/// (each form only when his permissions and the petition's state allow it; the service decides again on submit).
/// </summary>
[Authorize(Policy = PetitionsPermissions.Petitions.Read)]
internal sealed class DetailModel(PetitionAppService petitions, PetitionProceedingsAppService proceedings, IDocumentArchive documents,
    IOrgUnitDirectory orgUnits, ICurrentUser user, TimeProvider clock, Mediation.ServiceDesk.IDeskRequestStatusReader deskRequests,
    Mediation.Core.Deadlines.IRecordReferences references) : FormPageModel
{
    [BindProperty]
    public AcceptForm Accept { get; set; } = new();

    [BindProperty]
    public ServiceForm Service { get; set; } = new();

    [BindProperty]
    public SuggestionForm Suggestion { get; set; } = new();

    [BindProperty]
    public HearingForm Hearing { get; set; } = new();

    /// <summary>Art. 30 ¶3: the units an accusation may be about — the petition's own unit and those above it.</summary>
    public IReadOnlyList<(Guid Id, string Name)> AccusableUnits { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReasonsForm NotAccept { get; set; } = new();

    [BindProperty]
    public ReasonsForm Objection { get; set; } = new();

    [BindProperty]
    public ReasonsForm Pause { get; set; } = new();

    [BindProperty]
    public ObjectionAnswerForm ObjectionAnswer { get; set; } = new();

    [BindProperty]
    public DetailsForm Details { get; set; } = new();

    [BindProperty]
    public ExtensionForm Extension { get; set; } = new();

    [BindProperty]
    public OpinionForm Opinion { get; set; } = new();

    [BindProperty]
    public ReviewRequestForm ReviewRequest { get; set; } = new();

    [BindProperty]
    public SignOffForm SignOff { get; set; } = new();

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public PetitionDto Petition { get; private set; } = null!;

    /// <summary>The open form whose POST failed, so the page shows it unfolded with its messages.</summary>
    public string? FailedForm { get; private set; }

    public string NowLocal => PetitionDisplay.LocalInput(clock.GetUtcNow());

    private PetitionStatus Status => Petition.Status;
    private bool Decides => user.HasPermission(PetitionsPermissions.Petitions.Decide);
    private bool Handles => user.HasPermission(PetitionsPermissions.Petitions.Handle);
    public bool CanDecide => Decides && Status is PetitionStatus.Registered;
    public bool CanObjectToTransfer => CanDecide && Petition.Channel is PetitionChannel.Transferred;
    /// <summary>Art. 23 ¶2: registered with the name or address unclear, so no acceptance clock runs yet.</summary>
    public bool CanCompleteDetails => user.HasPermission(PetitionsPermissions.Petitions.Register) && Status is PetitionStatus.Registered
                                      && Petition.Clocks.All(c => c.Policy != PetitionPolicies.AcceptanceNotice);
    public bool CanAnswerObjection => Decides && Status is PetitionStatus.TransferObjected;
    public bool CanPause => Handles && proceedings.PauseRule is not null && Status is PetitionStatus.Accepted && !Petition.HandlingPaused;
    public bool CanResume => Handles && Status is PetitionStatus.Accepted && Petition.HandlingPaused;
    public bool CanExtend => user.HasPermission(PetitionsPermissions.Extensions.Approve) && Status is PetitionStatus.Accepted && Petition.ExtensionDays == 0;
    public bool CanReply => Handles && Status is PetitionStatus.Accepted && !Petition.HandlingPaused && !OpinionAwaits(OpinionKind.Reply);
    public bool CanRequestReview => Handles && Status is PetitionStatus.Replied;
    public bool CanAnswerReview => Handles && Status is PetitionStatus.UnderReview && !OpinionAwaits(OpinionKind.Review);
    public bool CanRequestReexamination => Handles && Status is PetitionStatus.Reviewed;
    public bool CanAnswerReexamination => Handles && Status is PetitionStatus.UnderReexamination && !OpinionAwaits(OpinionKind.Reexamination);

    /// <summary>The draft waiting for sign-off that this user, as head of its issuing unit, may sign off or return (the service checks again).</summary>
    public PetitionOpinionDto? OpinionToSignOff => user.HasPermission(PetitionsPermissions.Opinions.SignOff)
        ? Petition.Opinions.FirstOrDefault(o => o.State is OpinionState.AwaitingSignOff && o.IssuingOrgUnitId == user.OrgUnitId)
        : null;

    /// <summary>A draft the head sent back: the officer's form starts from it, with the reason beside it.</summary>
    public PetitionOpinionDto? ReturnedOpinion => OpinionDue is { } kind ? Petition.Opinions.LastOrDefault(o => o.Kind == kind && o.State is OpinionState.Returned) : null;

    private bool OpinionAwaits(OpinionKind kind) => Petition.Opinions.Any(o => o.Kind == kind && o.State is OpinionState.AwaitingSignOff);
    public bool CanAttach => user.HasPermission(PetitionsPermissions.Petitions.Register);
    public bool CanAnswerSuggestion => Handles && Status is PetitionStatus.SuggestionUnderStudy;
    public bool CanRecordHearing => Handles && Status is PetitionStatus.UnderReexamination;

    /// <summary>Arts. 35, 36: the latest opinion, while its service is not recorded (the service decides again who may record it).</summary>
    public PetitionOpinionDto? UnservedOpinion => Handles && Petition.Opinions.LastOrDefault(o => o.State is OpinionState.Issued) is { ServedOn: null } latest
        ? latest : null;

    /// <summary>访调对接: an accepted petition that is still being handled may go to a mediation committee (the hand-over page checks the rest).</summary>
    public bool CanHandOver => user.HasPermission(PetitionsPermissions.Petitions.HandOver) && Status is PetitionStatus.Accepted
                               && !Petition.HandlingPaused && Petition.MediationCaseId is null;

    /// <summary>The number of the mediation case the petition was handed to.</summary>
    public string? MediationCaseNumber => Petition.Mediation?.CaseNumber;

    /// <summary>The opinion the petition's state calls for, if any (处理意见 / 复查意见 / 复核意见).</summary>
    public OpinionKind? OpinionDue => CanReply ? OpinionKind.Reply : CanAnswerReview ? OpinionKind.Review : CanAnswerReexamination ? OpinionKind.Reexamination : null;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>An issued notice of this petition, as the archived PDF.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(Guid documentId, CancellationToken ct)
    {
        var petition = await petitions.GetAsync(Id, ct);
        if (petition.Notices.All(n => n.DocumentId != documentId)) return NotFound();
        var (number, content) = await documents.ContentAsync(documentId, ct);
        return File(content, "application/pdf", number + ".pdf");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId, CancellationToken ct)
    {
        await petitions.GetAsync(Id, ct);
        var (fileName, contentType, content) = await petitions.AttachmentContentAsync(Id, attachmentId, ct);
        return File(content, contentType, fileName);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!Decides) return Forbid();
        return await WriteAsync(nameof(Accept), () => proceedings.AcceptAsync(Id,
            new AcceptPetitionInput(ConcurrencyStamp, Accept.Category, Accept.Route, Blank(Accept.RoutedTo), Accept.AccusedOrgUnitId), ct), ct);
    }

    public async Task<IActionResult> OnPostServiceAsync(CancellationToken ct)
    {
        if (!Handles) return Forbid();
        return await WriteAsync(nameof(Service), () => proceedings.RecordServiceAsync(Id,
            new RecordServiceInput(Service.Opinion, Service.Method, Service.ServedOn, Blank(Service.Reference), ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostSuggestionAsync(CancellationToken ct)
    {
        if (!Handles) return Forbid();
        return await WriteAsync(nameof(Suggestion), () => proceedings.AnswerSuggestionAsync(Id,
            new SuggestionReplyInput(Suggestion.Outcome, Blank(Suggestion.Reply), ConcurrencyStamp), ct), ct);
    }

    /// <summary>Art. 36 ¶2: the re-examining body records its hearing; the answer clock moves by its days.</summary>
    public async Task<IActionResult> OnPostHearingAsync(CancellationToken ct)
    {
        if (!Handles) return Forbid();
        return await WriteAsync(nameof(Hearing), () => proceedings.RecordReexaminationHearingAsync(Id,
            new ReexaminationHearingInput(Hearing.StartedOn, Hearing.EndedOn, ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostNotAcceptAsync(CancellationToken ct)
    {
        if (!Decides) return Forbid();
        return await WriteAsync(nameof(NotAccept), () => proceedings.NotAcceptAsync(Id,
            new NotAcceptPetitionInput(Blank(NotAccept.Reasons), Blank(NotAccept.LegalBasis), ConcurrencyStamp, NotAccept.Ground), ct), ct);
    }

    public async Task<IActionResult> OnPostObjectionAsync(CancellationToken ct)
    {
        if (!Decides) return Forbid();
        return await WriteAsync(nameof(Objection), () => proceedings.ObjectToTransferAsync(Id, new ObjectToTransferInput(Blank(Objection.Reason), ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostObjectionAnswerAsync(CancellationToken ct)
    {
        if (!Decides) return Forbid();
        return await WriteAsync(nameof(ObjectionAnswer), () => proceedings.AnswerTransferObjectionAsync(Id,
            new AnswerTransferObjectionInput(ObjectionAnswer.Agreed, ObjectionAnswer.AnsweredOn, Blank(ObjectionAnswer.Note), ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostDetailsAsync(CancellationToken ct)
    {
        if (!user.HasPermission(PetitionsPermissions.Petitions.Register)) return Forbid();
        return await WriteAsync(nameof(Details), () => proceedings.PetitionerDetailsKnownAsync(Id,
            new PetitionerDetailsInput(Blank(Details.Name), Blank(Details.Address), null, ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostPauseAsync(CancellationToken ct)
    {
        if (!Handles) return Forbid();
        return await WriteAsync(nameof(Pause), () => proceedings.PauseAsync(Id, new PauseHandlingInput(Blank(Pause.Reason), ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken ct)
    {
        if (!Handles) return Forbid();
        return await WriteAsync("Resume", () => proceedings.ResumeAsync(Id, new ResumeHandlingInput(ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostExtensionAsync(CancellationToken ct)
    {
        if (!user.HasPermission(PetitionsPermissions.Extensions.Approve)) return Forbid();
        return await WriteAsync(nameof(Extension), () => proceedings.ExtendAsync(Id, new ExtendHandlingInput(Extension.Days, Blank(Extension.Reason), ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostOpinionAsync(OpinionKind kind, CancellationToken ct)
    {
        if (!Handles) return Forbid();
        var input = new IssueOpinionInput(Opinion.Decision, Blank(Opinion.Request), Blank(Opinion.FactsAndReasons), Blank(Opinion.LegalBasis), ConcurrencyStamp);
        return await WriteAsync(nameof(Opinion), () => kind switch
        {
            OpinionKind.Review => proceedings.AnswerReviewAsync(Id, input, ct),
            OpinionKind.Reexamination => proceedings.AnswerReexaminationAsync(Id, input, ct),
            _ => proceedings.ReplyAsync(Id, input, ct),
        }, ct);
    }

    /// <summary>The head of the issuing unit signs the draft off (which issues it) or returns it with the reason.</summary>
    public async Task<IActionResult> OnPostSignOffAsync(CancellationToken ct)
    {
        if (!user.HasPermission(PetitionsPermissions.Opinions.SignOff)) return Forbid();
        return await WriteAsync(nameof(SignOff), () => proceedings.SignOffAsync(Id, new SignOffOpinionInput(SignOff.Opinion, ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostReturnOpinionAsync(CancellationToken ct)
    {
        if (!user.HasPermission(PetitionsPermissions.Opinions.SignOff)) return Forbid();
        return await WriteAsync(nameof(SignOff), () => proceedings.ReturnOpinionAsync(Id,
            new ReturnOpinionInput(SignOff.Opinion, Blank(SignOff.Reason), ConcurrencyStamp), ct), ct);
    }

    /// <summary>The petitioner asks for 复查 (after the reply) or 复核 (after the review), on the day it was received.</summary>
    public async Task<IActionResult> OnPostReviewRequestAsync(CancellationToken ct)
    {
        if (!Handles) return Forbid();
        var current = await petitions.GetAsync(Id, ct);
        var input = new RequestReviewInput(ReviewRequest.RequestedAt is { } local ? new DateTimeOffset(local, TimeSpan.FromHours(8)) : null, ConcurrencyStamp);
        return await WriteAsync(nameof(ReviewRequest), () => current.Status is PetitionStatus.Reviewed
            ? proceedings.RequestReexaminationAsync(Id, input, ct)
            : proceedings.RequestReviewAsync(Id, input, ct), ct);
    }

    public async Task<IActionResult> OnPostAttachmentAsync(CancellationToken ct)
    {
        if (!user.HasPermission(PetitionsPermissions.Petitions.Register)) return Forbid();
        return await WriteAsync("Attachment", async () => await petitions.AddAttachmentAsync(Id, await PetitionAppService.ReadUploadAsync(Request, ct), ct), ct);
    }

    private async Task<IActionResult> WriteAsync(string form, Func<Task> write, CancellationToken ct)
    {
        if (await TryAsync(form, write)) return RedirectToPage("/Petitions/Detail", new { id = Id });
        FailedForm = form;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The desk request this petition was handed over from, by its number (linked when the reader may open it) or "由…办理".</summary>
    public Mediation.Core.Deadlines.RecordReference? TransferSource { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Petition = await petitions.GetAsync(Id, ct);
        if (Petition.Channel is PetitionChannel.Transferred && await deskRequests.RequestOfPetitionAsync(Petition.Id, ct) is { } requestId)
            TransferSource = (await references.DescribeAsync("DeskRequest", [requestId], ct)).GetValueOrDefault(requestId);
        if (FailedForm != nameof(Opinion) && ReturnedOpinion is { } returned)
            Opinion = new OpinionForm { Decision = returned.Decision, Request = returned.Request, FactsAndReasons = returned.FactsAndReasons, LegalBasis = returned.LegalBasis };
        if (!CanDecide) return;
        AccusableUnits = (await orgUnits.PathAsync(Petition.OrgUnitId, ct)).Reverse().Select(u => (u.Id, u.Name)).ToList();
    }

    private static string? Blank(string? value) => PetitionForm.Blank(value);
}

internal sealed class AcceptForm
{
    public PetitionCategory? Category { get; set; }
    public GrievanceRoute? Route { get; set; }
    public string? RoutedTo { get; set; }
    public Guid? AccusedOrgUnitId { get; set; }
}

internal sealed class ServiceForm
{
    public OpinionKind? Opinion { get; set; }
    public ServiceMethod? Method { get; set; }
    public DateOnly? ServedOn { get; set; }
    public string? Reference { get; set; }
}

internal sealed class SuggestionForm
{
    public SuggestionOutcome? Outcome { get; set; }
    public string? Reply { get; set; }
}

internal sealed class HearingForm
{
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

internal sealed class ReasonsForm
{
    public NonAcceptanceGround? Ground { get; set; }
    public string? Reason { get; set; }
    public string? Reasons { get; set; }
    public string? LegalBasis { get; set; }
}

internal sealed class DetailsForm
{
    public string? Name { get; set; }
    public string? Address { get; set; }
}

internal sealed class ObjectionAnswerForm
{
    public bool? Agreed { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? Note { get; set; }
}

internal sealed class ExtensionForm
{
    public int? Days { get; set; }
    public string? Reason { get; set; }
}

internal sealed class OpinionForm
{
    public OpinionDecision? Decision { get; set; }
    public string? Request { get; set; }
    public string? FactsAndReasons { get; set; }
    public string? LegalBasis { get; set; }
}

internal sealed class SignOffForm
{
    public OpinionKind? Opinion { get; set; }
    public string? Reason { get; set; }
}

internal sealed class ReviewRequestForm
{
    public DateTime? RequestedAt { get; set; }
}
