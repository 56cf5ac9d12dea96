using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>A requested register export: waiting for its background job (the page refreshes itself), then the download.</summary>
[Authorize(Policy = JointMeetingsPermissions.Meetings.Read)]
internal sealed class ExportModel(RegisterExportAppService exports) : FormPageModel
{
    public Guid Id { get; set; }

    public RegisterExportDto Export { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Export = await exports.GetAsync(id, ct);
    }
}
