using Mediation.Core.Exports;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>The convener's supervision list: the open tasks, nearest due first, with their 催办 / 督办 / 通报 steps and measures.</summary>
[Authorize(Policy = JointMeetingsPermissions.Meetings.Read)]
internal sealed class SupervisionModel(TaskAppService tasks, IExportJobs exports) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public bool OverdueOnly { get; set; }

    public IReadOnlyList<AssignedTaskDto> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Tasks = (await tasks.ListAsync(mine: false, openOnly: true, Paging.WebPageList, ct)).Items.Where(t => !OverdueOnly || t.Overdue).ToList();

    /// <summary>The whole register, open and accepted tasks, written in the background; its progress and download are on 我的导出.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        await exports.EnqueueAsync(RegisterExport.ExportKind, null, ct);
        return Redirect(ExportJobDto.Page);
    }
}
