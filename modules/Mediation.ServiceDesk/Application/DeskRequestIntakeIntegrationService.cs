using Mediation.Core.Data;
using Mediation.Core.PersonalData;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>Files a request for an approved enterprise of the unit's desk as the enterprise's own filing does: numbered, acknowledged, on its clock.</summary>
internal sealed class DeskRequestIntakeIntegrationService(MediationDbContext db, RequestAppService requests) : IDeskRequestIntakeIntegrationService
{
    public async Task<ChannelDeskRequestDto?> FileAsync(ChannelDeskRequest request, CancellationToken ct)
    {
        var code = ChineseIdentifiers.Normalize(request.EnterpriseCreditCode);
        var enterprise = await db.Set<Enterprise>().IgnoreQueryFilters()
            .FirstOrDefaultAsync(e => e.CreditCode == code && e.OrgUnitId == request.OrgUnitId && e.Status == EnterpriseStatus.Approved, ct);
        if (enterprise is null) return null;
        var filed = await requests.FileCoreAsync(enterprise, request.Kind, request.Title, request.Description, null, request.Urgent, [], afterFiling: null, ct);
        return new ChannelDeskRequestDto(filed.Id, filed.Number);
    }
}
