using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Web.Deadlines;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mediation.Tests.Deadlines;

/// <summary>Helpers to drive a host's deadline services directly, as another module would.</summary>
internal static class DeadlineApps
{
    public static Action<IServiceCollection> WithTime(FakeTimeProvider time) => services => services.AddSingleton<TimeProvider>(time);

    public static async Task<T> InScopeAsync<T>(this MediationAppFactory app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>How the pages and the API name a user: display name and unit, 张三（岱庙街道）, as the user directory describes him.</summary>
    public static async Task<string> ActorLabelAsync(this MediationAppFactory app, string userName) =>
        (await app.InScopeAsync(sp => sp.GetRequiredService<Mediation.Core.Identity.IUserDirectory>().DescribeActorsAsync([userName], CancellationToken.None)))
            [userName].Label;

    /// <summary>How the API names a user beside his login: <c>…Name</c> and <c>…Unit</c>.</summary>
    public static async Task<(string? Name, string? Unit)> ActorNameAndUnitAsync(this MediationAppFactory app, string userName)
    {
        var actor = (await app.InScopeAsync(sp => sp.GetRequiredService<Mediation.Core.Identity.IUserDirectory>()
            .DescribeActorsAsync([userName], CancellationToken.None)))[userName];
        return (actor.DisplayName, actor.UnitName);
    }

    public static Task<Guid> UnitIdAsync(this MediationAppFactory app, string code) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<OrgUnit>().Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    public static async Task<DeadlineClockDto> StartClockAsync(this MediationAppFactory app, string unitCode, string policy, DateTimeOffset startedAt)
    {
        var unitId = await app.UnitIdAsync(unitCode);
        return await app.InScopeAsync(sp => sp.GetRequiredService<IDeadlineClocks>()
            .StartAsync(new StartClockInput("petition", Guid.NewGuid(), unitId, policy, startedAt, "测试"), CancellationToken.None));
    }

    public static Task<int> SweepAsync(this MediationAppFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<DeadlineSweepJob>().RunAsync(CancellationToken.None));

    public static Task<List<DeadlineStep>> StepsAsync(this MediationAppFactory app, Guid clockId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<DeadlineStep>().AsNoTracking().Where(s => s.ClockId == clockId).ToListAsync());
}
