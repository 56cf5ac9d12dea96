using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>Names a 民事代办 errand in deadline notices: "岱东社区法律顾问窗口民事代办事项岱东法〔2026〕1号", its page and the advisor.</summary>
internal sealed class ServiceRecordDeadlineRecords(MediationDbContext db) : IDeadlineRecordDescriber
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [ServiceRecordAppService.RecordType];

    public async Task<IReadOnlyDictionary<Guid, DeadlineRecordDescription>> DescribeAsync(
        string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var rows = await (
                from r in db.Set<ServiceRecord>().IgnoreQueryFilters().AsNoTracking()
                join w in db.Set<LegalWindow>().IgnoreQueryFilters().AsNoTracking() on r.WindowId equals w.Id
                join a in db.Set<LegalAdvisor>().IgnoreQueryFilters().AsNoTracking() on r.AdvisorId equals a.Id
                where recordIds.Contains(r.Id)
                select new { r.Id, r.Number, Window = w.Name, Advisor = a.Name, r.OrgUnitId })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new DeadlineRecordDescription(
            $"{r.Window}民事代办事项{r.Number}", $"/LegalWindows/Records/{r.Id}", "法律顾问" + r.Advisor, r.OrgUnitId, LegalWindowsPermissions.Services.Read));
    }
}
