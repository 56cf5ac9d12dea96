using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// Who may see which request. Staff see the requests of their subtree (the kernel's data scope). An enterprise user sees his own
/// enterprise's requests and nothing else: the portal's queries filter by membership, so another enterprise's id is simply not found.
/// </summary>
internal sealed class DeskScope(MediationDbContext db, ICurrentUser user, IOrgUnitDirectory directory, IOptions<ServiceDeskOptions> options)
{
    private Enterprise? _enterprise;

    public Guid UserId => user.Id ?? throw new ForbiddenException();

    public DeskActor Actor => new(UserId, user.DisplayName ?? user.UserName ?? "?", user.UserName);

    /// <summary>The enterprise the signed-in outside user belongs to; an account of none is refused.</summary>
    public async Task<Enterprise> MyEnterpriseAsync(CancellationToken ct)
    {
        if (_enterprise is not null) return _enterprise;
        var id = UserId;
        _enterprise = await db.Set<Enterprise>().IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Members.Any(m => m.UserId == id), ct)
            ?? throw new ForbiddenException(ServiceDeskErrorCodes.NotAnEnterpriseUser);
        return _enterprise;
    }

    public async Task<IQueryable<DeskRequest>> MyEnterpriseRequestsAsync(CancellationToken ct)
    {
        var enterpriseId = (await MyEnterpriseAsync(ct)).Id;
        return db.Set<DeskRequest>().IgnoreQueryFilters().Where(r => r.EnterpriseId == enterpriseId);
    }

    public async Task<DeskRequest> MyEnterpriseRequestAsync(Guid id, CancellationToken ct) =>
        await (await MyEnterpriseRequestsAsync(ct)).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException(nameof(DeskRequest), id);

    public IQueryable<DeskRequest> StaffRequests => db.Set<DeskRequest>();

    public async Task<DeskRequest> StaffRequestAsync(Guid id, CancellationToken ct) =>
        await StaffRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException(nameof(DeskRequest), id);

    public async Task<Enterprise> StaffEnterpriseAsync(Guid id, CancellationToken ct) =>
        await db.Set<Enterprise>().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new EntityNotFoundException(nameof(Enterprise), id);

    public async Task<Guid> DeskUnitIdAsync(CancellationToken ct) =>
        (await directory.FindByCodeAsync(options.Value.DeskUnitCode, ct) ?? throw new BusinessException(ServiceDeskErrorCodes.DeskNotConfigured)).Id;
}
