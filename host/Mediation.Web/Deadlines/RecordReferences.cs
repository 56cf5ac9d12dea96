using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Web.Deadlines;

/// <summary>
/// Names records for pages through the modules' describers: the reader sees kind, number and link when he holds the page's permission
/// and the record's unit lies in his subtree (the data scope's rule), otherwise only the unit that handles it.
/// </summary>
internal sealed class RecordReferences(IEnumerable<IDeadlineRecordDescriber> describers, MediationDbContext db, ICurrentUser user,
    IStringLocalizer texts) : IRecordReferences
{
    public async Task<IReadOnlyDictionary<Guid, RecordReference>> DescribeAsync(string recordType, IReadOnlyCollection<Guid> recordIds,
        CancellationToken ct)
    {
        var describer = describers.FirstOrDefault(d => d.RecordTypes.Contains(recordType));
        if (describer is null || recordIds.Count == 0) return new Dictionary<Guid, RecordReference>();
        var described = await describer.DescribeAsync(recordType, recordIds, ct);
        var unitIds = described.Values.Select(d => d.OrgUnitId).OfType<Guid>().Distinct().ToList();
        var units = await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Path }).ToDictionaryAsync(u => u.Id, ct);
        var scope = user.OrgUnitPath;
        var references = new Dictionary<Guid, RecordReference>();
        foreach (var (id, d) in described)
        {
            var unit = d.OrgUnitId is { } unitId ? units.GetValueOrDefault(unitId) : null;
            var mayOpen = (d.ReadPermission is null || user.HasPermission(d.ReadPermission))
                          && (d.OrgUnitId is null || unit is not null && scope is not null && unit.Path.StartsWith(scope, StringComparison.Ordinal));
            references[id] = mayOpen ? new RecordReference(d.Label, d.Link) : new RecordReference(texts["Records:HandledBy", unit?.Name ?? texts["Records:AnotherUnit"]], null);
        }
        return references;
    }
}
