using Mediation.Core.Data;
using Mediation.Core.OrgUnits;
using Mediation.JointMeetings.Application;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Jobs;

/// <summary>Writes one requested register export: every task of the units the requester sees, as Excel.</summary>
internal sealed class RegisterExportJob(MediationDbContext db, JointMeetingDocumentsAppService documents, IOrgUnitDirectory orgUnits, TimeProvider clock)
{
    public const string SheetName = "联席会议台账";

    public async Task RunAsync(Guid exportId, CancellationToken ct)
    {
        var export = await db.Set<RegisterExport>().SingleOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null) return;
        var unit = await orgUnits.GetAsync(export.OrgUnitId, ct);
        var rows = await documents.RowsAsync(openOnly: false, orgUnits.SubtreeIds(unit.Path), ct);
        export.Completed(JointMeetingDocumentsAppService.Excel(rows, SheetName), rows.Count, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
