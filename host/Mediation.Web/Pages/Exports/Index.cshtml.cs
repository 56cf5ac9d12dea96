using Mediation.Core.Exports;
using Mediation.Web.Exports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Mediation.Web.Pages.Exports;

/// <summary>我的导出: the user's own exports with their progress; the page refreshes itself while one is unfinished.</summary>
[Authorize]
internal sealed class IndexModel(ExportsAppService exports, IOptions<ExportOptions> options) : PageModel
{
    public IReadOnlyList<ExportJobDto> Exports { get; private set; } = [];

    public int RetentionDays => (int)Math.Ceiling(options.Value.Retention.TotalDays);

    public bool AnyUnfinished => Exports.Any(e => e.State is ExportJobState.Queued or ExportJobState.Running);

    public async Task OnGetAsync(CancellationToken ct) => Exports = await exports.ListMineAsync(ct);
}
