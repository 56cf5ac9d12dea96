using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

internal interface IWindowForm
{
    Guid? WindowId { get; set; }
}

/// <summary>A form recorded at one of the user's windows (preselected from the link, else the first), then shown as its record.</summary>
internal abstract class WindowFormPageModel<TForm>(WindowAppService windows) : FormPageModel
    where TForm : class, IWindowForm, new()
{
    [BindProperty(SupportsGet = true)]
    public Guid? WindowId { get; set; }

    [BindProperty]
    public TForm Form { get; set; } = new();

    public IReadOnlyList<WindowDto> Windows { get; private set; } = [];

    protected abstract Task<ServiceRecordDto> SaveAsync(TForm form, CancellationToken ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Windows = await windows.ListWindowsAsync(ct);
        Form.WindowId = WindowId ?? (Windows.Count > 0 ? Windows[0].Id : null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ServiceRecordDto? created = null;
        if (await TryAsync(nameof(Form), async () => created = await SaveAsync(Form, ct)))
            return Redirect($"/LegalWindows/Records/{created!.Id}");
        Windows = await windows.ListWindowsAsync(ct);
        return Page();
    }
}
