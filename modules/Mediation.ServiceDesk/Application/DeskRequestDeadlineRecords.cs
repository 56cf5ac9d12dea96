using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>Names a request in deadline notices: "肥城市安泰建筑安装有限公司诉求肥城接诉〔2026〕3号", its page and its owner.</summary>
internal sealed class DeskRequestDeadlineRecords(MediationDbContext db) : IDeadlineRecordDescriber
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [RequestAppService.RecordType];

    public async Task<IReadOnlyDictionary<Guid, DeadlineRecordDescription>> DescribeAsync(
        string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var rows = await (
                from r in db.Set<DeskRequest>().IgnoreQueryFilters().AsNoTracking()
                join e in db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking() on r.EnterpriseId equals e.Id
                where recordIds.Contains(r.Id)
                select new { r.Id, r.Number, Enterprise = e.Name, r.OwnerName, r.OwnerDepartment })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new DeadlineRecordDescription($"{r.Enterprise}诉求{r.Number}", $"/ServiceDesk/Requests/{r.Id}",
            r.OwnerName is null ? null : "承办人" + r.OwnerName));
    }
}
