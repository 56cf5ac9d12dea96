using Mediation.Core.Web.Pages;
using Mediation.Cases.Application;
using Mediation.Core.Deadlines;
using Mediation.Core.Documents.Application;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Cases.Pages.Cases;

[Authorize(Policy = CasesPermissions.Cases.Read)]
internal sealed class DetailModel(CaseAppService cases, CaseProceedingsAppService proceedings, IDocumentArchive documents,
    IDeadlineClocks clocks, IRecordReferences references, ICurrentUser user, TimeProvider clock, SessionPlanAppService plans) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public RiskForm Risk { get; set; } = new();

    [BindProperty]
    public SignedForm Signed { get; set; } = new();

    [BindProperty]
    public CourtForm Court { get; set; } = new();

    [BindProperty]
    public ApplicationForm Application { get; set; } = new();

    [BindProperty]
    public PlanForm Plan { get; set; } = new();

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    /// <summary>调解安排: the sessions planned for the case, held and cancelled ones included.</summary>
    public IReadOnlyList<SessionPlanDto> Plans { get; private set; } = [];

    public CaseDto Case { get; private set; } = null!;

    public string CommitteeName { get; private set; } = "";

    public IReadOnlyList<string> MediatorNames { get; private set; } = [];

    public DateOnly? DueDate { get; private set; }

    /// <summary>The one-month term before the parties agreed to continue; shown beside an adjusted <see cref="DueDate"/>.</summary>
    public DateOnly? StatutoryDueDate { get; private set; }


    public bool IsOpen => Case.Status is not CaseStatus.Concluded;
    public bool CanAssessRisk => IsOpen && user.HasPermission(CasesPermissions.Cases.AssessRisk);
    public bool CanRecordSession => IsOpen && user.HasPermission(CasesPermissions.Sessions.Record);
    public bool CanConclude => IsOpen && user.HasPermission(CasesPermissions.Cases.Conclude);
    private bool ManagesAgreements => user.HasPermission(CasesPermissions.Agreements.Manage) && Case.Outcome is { Outcome: CaseOutcome.Succeeded };
    public bool CanPrintAgreement => ManagesAgreements;
    public bool CanMarkSigned => ManagesAgreements && Case.Outcome!.AgreementDocumentId is not null && Case.Outcome.AgreementSignedAt is null;
    public bool CanRecordApplication => ManagesAgreements && Case.Outcome!.AgreementSignedAt is not null && Case.Outcome.JudicialAppliedOn is null;
    /// <summary>人民调解法 Art. 33: after the court refused to confirm the agreement the parties may mediate again.</summary>
    public bool CanReopen => ManagesAgreements && Case.Outcome!.CourtDecision is CourtDecision.Refused;
    public bool CanRecordCourtDecision => ManagesAgreements && Case.Outcome!.JudicialAppliedOn is not null && Case.Outcome.CourtDecision is null;

    /// <summary>The open form whose POST failed, so the page shows it unfolded with its messages.</summary>
    public string? FailedForm { get; private set; }

    public string NowLocal => CaseDisplay.LocalInput(clock.GetUtcNow());

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostRiskAsync(CancellationToken ct)
    {
        if (!user.HasPermission(CasesPermissions.Cases.AssessRisk)) return Forbid();
        return await WriteAsync(nameof(Risk), () => cases.AssessRiskAsync(Id, new AssessRiskInput(Risk.Grade, Blank(Risk.Reason), ConcurrencyStamp,
            Risk.MayTurnCriminal, Risk.PoliceReportedOn, Blank(Risk.PoliceStation)), ct), ct);
    }

    /// <summary>安排调解: the caller plans the next session with himself as its mediator.</summary>
    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (!user.HasPermission(CasesPermissions.Sessions.Record)) return Forbid();
        var startsAt = Plan.StartsAt is { } local ? new DateTimeOffset(local, TimeSpan.FromHours(8)) : (DateTimeOffset?)null;
        return await WriteAsync(nameof(Plan), () => plans.PlanAsync(Id, new PlanSessionInput(startsAt, Blank(Plan.Place), null), ct), ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (!user.HasPermission(CasesPermissions.Agreements.Manage)) return Forbid();
        return await WriteAsync("Reopen", () => proceedings.ReopenAsync(Id, new ReopenCaseInput(ConcurrencyStamp), ct), ct);
    }

    /// <summary>Issues the 调解协议书 the first time and hands out the archived file every time, so a reprint is the same PDF.</summary>
    public async Task<IActionResult> OnPostAgreementAsync(CancellationToken ct)
    {
        if (!user.HasPermission(CasesPermissions.Agreements.Manage)) return Forbid();
        var current = await cases.GetCaseAsync(Id, ct);
        var documentId = current.Outcome?.AgreementDocumentId;
        if (documentId is null
            && !await TryAsync("Agreement", async () => documentId = (await proceedings.IssueAgreementAsync(Id, ct)).DocumentId))
        {
            FailedForm = "Agreement";
            await LoadAsync(ct);
            return Page();
        }
        var (number, content) = await documents.ContentAsync(documentId!.Value, ct);
        return File(content, "application/pdf", number + ".pdf");
    }

    public async Task<IActionResult> OnPostSignedAsync(CancellationToken ct)
    {
        if (!user.HasPermission(CasesPermissions.Agreements.Manage)) return Forbid();
        var signedAt = Signed.SignedAt is { } local ? new DateTimeOffset(local, TimeSpan.FromHours(8)) : (DateTimeOffset?)null;
        return await WriteAsync(nameof(Signed), () => proceedings.MarkAgreementSignedAsync(Id, new MarkAgreementSignedInput(signedAt, ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostApplicationAsync(CancellationToken ct)
    {
        if (!user.HasPermission(CasesPermissions.Agreements.Manage)) return Forbid();
        return await WriteAsync(nameof(Application), () => proceedings.RecordJudicialApplicationAsync(Id,
            new RecordJudicialApplicationInput(Blank(Application.Court), Application.AppliedOn, ConcurrencyStamp), ct), ct);
    }

    public async Task<IActionResult> OnPostCourtAsync(CancellationToken ct)
    {
        if (!user.HasPermission(CasesPermissions.Agreements.Manage)) return Forbid();
        return await WriteAsync(nameof(Court), () => proceedings.RecordCourtDecisionAsync(Id,
            new RecordCourtDecisionInput(Court.Decision, Court.DecidedOn, Blank(Court.CourtName), ConcurrencyStamp), ct), ct);
    }

    private async Task<IActionResult> WriteAsync(string form, Func<Task> write, CancellationToken ct)
    {
        if (await TryAsync(form, write)) return RedirectToPage("/Cases/Detail", new { id = Id });
        FailedForm = form;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Case = await cases.GetCaseAsync(Id, ct);
        var committee = await cases.FindCommitteeAsync(Case.CommitteeId, ct);
        CommitteeName = committee.Name;
        MediatorNames = committee.Mediators.Where(m => Case.MediatorIds.Contains(m.UserId)).Select(m => m.Name).ToList();
        var term = (await clocks.ForRecordAsync(CaseAppService.RecordType, Id, ct))
            .Where(c => c.Policy == CasesPolicies.Term && c.Status == Core.Deadlines.Domain.ClockStatus.Running)
            .MaxBy(c => c.DueDate);
        DueDate = term?.DueDate;
        StatutoryDueDate = term?.StatutoryDueDate;
        Source = await SourceAsync(ct);
        Plans = await plans.ListForCaseAsync(Case, ct);
    }

    /// <summary>The record the case came from, by its number (and a link when the reader may open it); never its id.</summary>
    public RecordReference? Source { get; private set; }

    // The record types the handing-over modules start clocks for (Petition, ServiceRecord, DeskRequest): their describers name them.
    private async Task<RecordReference?> SourceAsync(CancellationToken ct)
    {
        var recordType = Case.Source switch
        {
            CaseSource.PetitionHandover => "Petition",
            CaseSource.LegalWindowReferral => "ServiceRecord",
            CaseSource.ServiceDeskReferral => "DeskRequest",
            _ => null,
        };
        if (recordType is null || !Guid.TryParse(Case.SourceRecordId, out var sourceId)) return null;
        return (await references.DescribeAsync(recordType, [sourceId], ct)).GetValueOrDefault(sourceId);
    }

    private static string? Blank(string? value) => RegisterForm.Blank(value);
}

internal sealed class RiskForm
{
    public RiskGrade? Grade { get; set; }
    public string? Reason { get; set; }
    public bool MayTurnCriminal { get; set; }
    public DateOnly? PoliceReportedOn { get; set; }
    public string? PoliceStation { get; set; }
}

internal sealed class PlanForm
{
    public DateTime? StartsAt { get; set; }
    public string? Place { get; set; }
}

internal sealed class SignedForm
{
    public DateTime? SignedAt { get; set; }
}

internal sealed class ApplicationForm
{
    public string? Court { get; set; }
    public DateOnly? AppliedOn { get; set; }
}

internal sealed class CourtForm
{
    public CourtDecision? Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? CourtName { get; set; }
}
