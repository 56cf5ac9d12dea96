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
                where recordIds.Contains(r.Id) || recordIds.Contains(r.FeedbackClockKey)
                select new { r.Id, r.FeedbackClockKey, r.Number, Enterprise = e.Name, r.OwnerName, r.OrgUnitId })
            .ToListAsync(ct);
        var described = new Dictionary<Guid, DeadlineRecordDescription>();
        foreach (var r in rows)
        {
            var description = new DeadlineRecordDescription($"{r.Enterprise}诉求{r.Number}", $"/ServiceDesk/Requests/{r.Id}",
                r.OwnerName is null ? null : "承办人" + r.OwnerName, r.OrgUnitId, ServiceDeskPermissions.Desk.Read);
            described[r.Id] = description;
            described[r.FeedbackClockKey] = description;
        }
        return described;
    }
}
