using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>One service record: the errand's steps, the referral and its outcome, the printed form or receipt.</summary>
[Authorize(Policy = LegalWindowsPermissions.Services.Read)]
internal sealed class DetailModel(ServiceRecordAppService records, ServiceDocumentsAppService documents, ICurrentUser user) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public ServiceRecordDto Record { get; private set; } = null!;

    public bool CanRecord => user.HasPermission(LegalWindowsPermissions.Services.Record);

    public bool CanRefer => user.HasPermission(LegalWindowsPermissions.Services.Refer);

    public async Task OnGetAsync(CancellationToken ct) => Record = await records.GetAsync(Id, ct);

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) =>
        StepAsync(() => records.StartErrandAsync(Id, new ErrandStepInput(WindowDisplay.Blank(Note), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostDoneAsync(CancellationToken ct) =>
        StepAsync(() => records.CloseErrandAsync(Id, done: true, new ErrandStepInput(WindowDisplay.Blank(Note), ConcurrencyStamp), ct), ct);

    public Task<IActionResult> OnPostCannotAsync(CancellationToken ct) =>
        StepAsync(() => records.CloseErrandAsync(Id, done: false, new ErrandStepInput(WindowDisplay.Blank(Note), ConcurrencyStamp), ct), ct);

    public async Task<IActionResult> OnPostPrintAsync(CancellationToken ct)
    {
        ServiceDocumentDto? issued = null;
        if (await TryAsync("", async () => issued = await documents.IssueAsync(Id, ct))) return Redirect($"/api/documents/{issued!.DocumentId}");
        Record = await records.GetAsync(Id, ct);
        return Page();
    }

    private async Task<IActionResult> StepAsync(Func<Task> step, CancellationToken ct)
    {
        if (!CanRecord) return Forbid();
        if (await TryAsync("", step)) return Redirect($"/LegalWindows/Records/{Id}");
        Record = await records.GetAsync(Id, ct);
        return Page();
    }
}
