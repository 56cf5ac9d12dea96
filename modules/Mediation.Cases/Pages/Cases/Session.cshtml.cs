using Mediation.Core.Web.Pages;
using Mediation.Cases.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Cases.Pages.Cases;

/// <summary>调解笔录: one session, with one statement per party.</summary>
[Authorize(Policy = CasesPermissions.Sessions.Record)]
internal sealed class SessionModel(CaseAppService cases, CaseProceedingsAppService proceedings, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public CaseDto Case { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Case = await cases.GetCaseAsync(Id, ct);
        Form.HeldAt = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;
        Form.Place = Case.Place;
        Form.ConcurrencyStamp = Case.ConcurrencyStamp;
        Form.Statements = Case.Parties.Select(_ => (string?)null).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Case = await cases.GetCaseAsync(Id, ct);
        if (await TryAsync(nameof(Form), () => proceedings.RecordSessionAsync(Id, Form.ToInput(Case), ct)))
            return RedirectToPage("/Cases/Detail", new { id = Id });
        while (Form.Statements.Count < Case.Parties.Count) Form.Statements.Add(null);
        return Page();
    }
}

internal sealed class SessionForm
{
    /// <summary>China time, as the datetime-local input sends it.</summary>
    public DateTime? HeldAt { get; set; }
    public string? Place { get; set; }
    /// <summary>One attendee a line.</summary>
    public string? Attendees { get; set; }
    public string? Minutes { get; set; }
    /// <summary>By party position; a blank one means the party said nothing on record.</summary>
    public List<string?> Statements { get; set; } = [];
    public string? ConcurrencyStamp { get; set; }

    public RecordSessionInput ToInput(CaseDto mediationCase) => new(
        HeldAt is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(8)) : null,
        Place,
        (Attendees ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        Minutes,
        mediationCase.Parties.Select((p, i) => (Party: p, Statement: i < Statements.Count ? Statements[i] : null))
            .Where(x => !string.IsNullOrWhiteSpace(x.Statement))
            .Select(x => new PartyStatementInput(x.Party.Id, x.Statement)).ToList(),
        ConcurrencyStamp);
}
