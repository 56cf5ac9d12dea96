using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Web.Pages.Notices;

/// <summary>The own unit's notices, newest first; opening one marks it read and goes to the record it speaks of.</summary>
[Authorize(Policy = CorePermissions.Notices.Read)]
public sealed class IndexModel(InboxAppService inbox, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool UnreadOnly { get; set; }

    public IReadOnlyList<NoticeDto> Notices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (user.OrgUnitId is not { } unit) return Page();
        Notices = (await inbox.ListAsync(unit, UnreadOnly, Paging.WebPageList, ct)).Items;
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) =>
        Redirect(await inbox.OpenAsync(id, ct) ?? "/Notices");

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await inbox.MarkReadAsync(id, ct);
        return RedirectToPage(new { UnreadOnly });
    }
}
