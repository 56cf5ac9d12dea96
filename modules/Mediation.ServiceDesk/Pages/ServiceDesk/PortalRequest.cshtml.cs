using Mediation.Core.Web.Pages;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

/// <summary>The enterprise's own request: status and timeline, the desk's notices, its materials, supplying what the 一次性告知 asked for, the rating.</summary>
[Authorize(Policy = ServiceDeskPermissions.Portal.Use)]
internal sealed class PortalRequestModel(RequestAppService requests, AttachmentAppService attachments) : FormPageModel
{
    public sealed class SupplyForm
    {
        public List<string> Items { get; set; } = [];
        public string? Note { get; set; }
    }

    public sealed class RateForm
    {
        public ServiceRating? Rating { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Filed { get; set; }

    [BindProperty]
    public SupplyForm Supply { get; set; } = new();

    [BindProperty]
    public RateForm Rate { get; set; } = new();

    public DeskRequestDto Desk { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Desk = await requests.PortalGetAsync(Id, ct);

    public Task<IActionResult> OnPostSupplyAsync(CancellationToken ct) =>
        ActAsync("Supply", () => requests.SupplyAsync(Id, new SupplyMaterialsInput(Supply.Items, DeskDisplay.Blank(Supply.Note)), ct), ct);

    public Task<IActionResult> OnPostAttachmentAsync(CancellationToken ct) =>
        ActAsync("Attachment", async () => await attachments.PortalAddAsync(Id, await AttachmentAppService.ReadUploadAsync(Request, ct), ct), ct);

    public Task<IActionResult> OnPostRateAsync(CancellationToken ct) =>
        ActAsync("Rate", () => requests.RateAsync(Id, new RateInput(Rate.Rating, DeskDisplay.Blank(Rate.Comment)), ct), ct);

    private async Task<IActionResult> ActAsync(string form, Func<Task> action, CancellationToken ct)
    {
        if (await TryAsync(form, action)) return Redirect($"/ServiceDesk/Portal/Requests/{Id}");
        Desk = await requests.PortalGetAsync(Id, ct);
        return Page();
    }
}
