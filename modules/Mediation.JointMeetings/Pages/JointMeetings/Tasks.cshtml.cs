using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>My unit's tasks: those it leads or cooperates on, open ones unless all are asked for.</summary>
[Authorize(Policy = JointMeetingsPermissions.Tasks.Report)]
internal sealed class TasksModel(TaskAppService tasks) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public IReadOnlyList<MemberUnitDto> Units { get; private set; } = [];

    public IReadOnlyList<AssignedTaskDto> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await tasks.MyUnitsAsync(ct);
        Tasks = (await tasks.ListAsync(mine: true, openOnly: !All, Paging.WebPageList, ct)).Items;
    }
}
