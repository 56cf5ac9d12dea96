using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits.Data;
using Microsoft.Extensions.Logging;

namespace Mediation.Identity;

/// <summary>What the host's start-up asks of the kernel after migrating: the roles, and the demo tree and accounts or their absence.</summary>
public interface IKernelSeed
{
    Task EnsureRolesAsync(CancellationToken ct);

    Task SeedDemoAsync(CancellationToken ct);

    /// <summary>Refuses to start outside the demo while demo accounts, whose password is known, exist.</summary>
    Task EnsureNoDemoAccountsAsync(CancellationToken ct);
}

internal sealed class KernelSeed(MediationDbContext db, RolePermissionService roles, DemoAccounts demoAccounts, ILogger<KernelSeed> logger) : IKernelSeed
{
    public Task EnsureRolesAsync(CancellationToken ct) => roles.EnsureRolesAsync(ct);

    public async Task SeedDemoAsync(CancellationToken ct)
    {
        var added = await OrgUnitDemoSeed.ApplyAsync(db, ct);
        if (added > 0) logger.LogInformation("Demo seed: {Count} org units added", added);
        await demoAccounts.SeedAsync(ct);
    }

    public Task EnsureNoDemoAccountsAsync(CancellationToken ct) => demoAccounts.EnsureNoneOutsideDemoAsync(ct);
}
