using Mediation.Core.Web.Pages;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.ServiceDesk.Pages.ServiceDesk.Portal;

/// <summary>
/// Filing a request: the kind is chosen first (the page reloads with that kind's materials checklist), then the matter and the
/// materials at hand. The answer is the automatic acknowledgement: the request's page with its number.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.Portal.Use)]
internal sealed class FileModel(RequestAppService requests) : FormPageModel
{
    public sealed class FileForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Project { get; set; }
        public bool Urgent { get; set; }
        public List<string> SuppliedMaterials { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)]
    public RequestKind? Kind { get; set; }

    [BindProperty]
    public FileForm Form { get; set; } = new();

    public IReadOnlyList<MaterialItem> Checklist => Kind is { } kind ? MaterialsChecklist.For(kind) : [];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DeskRequestDto? filed = null;
        if (await TryAsync("Form", async () => filed = await requests.FileAsync(new FileRequestInput(Kind, DeskDisplay.Blank(Form.Title),
                DeskDisplay.Blank(Form.Description), DeskDisplay.Blank(Form.Project), Form.Urgent, Form.SuppliedMaterials), ct)))
            return Redirect($"/ServiceDesk/Portal/Requests/{filed!.Id}?filed=true");
        return Page();
    }
}
