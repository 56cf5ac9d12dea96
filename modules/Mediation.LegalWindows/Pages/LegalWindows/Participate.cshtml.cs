using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>律师参与调解: the case number, the session, the time spent and the opinion given, and the parties' consent.</summary>
[Authorize(Policy = LegalWindowsPermissions.Services.Record)]
internal sealed class ParticipateModel(WindowAppService windows, MediationParticipationAppService participations) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? WindowId { get; set; }

    [BindProperty]
    public ParticipateForm Form { get; set; } = new();

    public IReadOnlyList<WindowDto> Windows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Windows = await windows.ListWindowsAsync(ct);
        Form.WindowId = WindowId ?? (Windows.Count > 0 ? Windows[0].Id : null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ServiceRecordDto? created = null;
        if (await TryAsync(nameof(Form), async () => created = await participations.RecordAsync(Form.ToInput(), ct)))
            return Redirect($"/LegalWindows/Records/{created!.Id}");
        Windows = await windows.ListWindowsAsync(ct);
        return Page();
    }
}

internal sealed class ParticipateForm
{
    public Guid? WindowId { get; set; }
    public string? CaseNumber { get; set; }
    public int? SessionNumber { get; set; } = 1;
    public int? Minutes { get; set; }
    public string? Note { get; set; }
    public bool PartiesConsent { get; set; }

    public ParticipateInMediationInput ToInput() =>
        new(WindowId, WindowDisplay.Blank(CaseNumber), SessionNumber, Minutes, WindowDisplay.Blank(Note), PartiesConsent);
}
