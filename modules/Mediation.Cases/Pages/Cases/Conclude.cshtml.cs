using Mediation.Core.Web.Pages;
using Mediation.Cases.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Cases.Pages.Cases;

/// <summary>结案: a written agreement (Art. 29), an oral one (Art. 28), failure, or termination (Art. 26).</summary>
[Authorize(Policy = CasesPermissions.Cases.Conclude)]
internal sealed class ConcludeModel(CaseAppService cases, CaseProceedingsAppService proceedings) : FormPageModel
{
    public const int DefaultTermRows = 1;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ConcludeForm Form { get; set; } = new();

    public CaseDto Case { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Case = await cases.GetCaseAsync(Id, ct);
        Form.ConcurrencyStamp = Case.ConcurrencyStamp;
        Form.Terms = Enumerable.Range(0, DefaultTermRows).Select(_ => new TermForm()).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Case = await cases.GetCaseAsync(Id, ct);
        if (await TryAsync(nameof(Form), () => proceedings.ConcludeAsync(Id, Form.ToInput(), ct)))
            return RedirectToPage("/Cases/Detail", new { id = Id });
        if (Form.Terms.Count == 0) Form.Terms.Add(new TermForm());
        return Page();
    }
}

internal sealed class ConcludeForm
{
    public CaseOutcome? Outcome { get; set; }
    public string? Facts { get; set; }
    public string? DisputedPoints { get; set; }
    public string? Responsibilities { get; set; }
    public List<TermForm> Terms { get; set; } = [];
    public string? Performance { get; set; }
    public string? OralRecord { get; set; }
    public string? Reason { get; set; }
    public bool MayTurnCriminal { get; set; }
    public DateOnly? ReportedToPoliceOn { get; set; }
    public string? ConcurrencyStamp { get; set; }

    /// <summary>Blank term rows (an added row left empty) are dropped; only a written agreement carries terms.</summary>
    public ConcludeCaseInput ToInput() => new(Outcome, RegisterForm.Blank(Facts), RegisterForm.Blank(DisputedPoints), RegisterForm.Blank(Responsibilities),
        Outcome is CaseOutcome.Succeeded
            ? Terms.Where(t => !t.IsBlank).Select(t => new AgreementTermInput(t.Description, t.Amount, t.DueOn)).ToList()
            : [],
        RegisterForm.Blank(Performance), RegisterForm.Blank(OralRecord), RegisterForm.Blank(Reason), MayTurnCriminal, ReportedToPoliceOn, ConcurrencyStamp);
}

internal sealed class TermForm
{
    public string? Description { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? DueOn { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Amount is null && DueOn is null;
}
