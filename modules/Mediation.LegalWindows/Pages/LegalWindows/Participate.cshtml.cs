using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>律师参与调解: the case number, the session, the time spent and the opinion given, and the parties' consent.</summary>
[Authorize(Policy = LegalWindowsPermissions.Services.Record)]
internal sealed class ParticipateModel(WindowAppService windows, MediationParticipationAppService participations) : WindowFormPageModel<ParticipateForm>(windows)
{
    protected override Task<ServiceRecordDto> SaveAsync(ParticipateForm form, CancellationToken ct) => participations.RecordAsync(form.ToInput(), ct);
}

internal sealed class ParticipateForm : IWindowForm
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
