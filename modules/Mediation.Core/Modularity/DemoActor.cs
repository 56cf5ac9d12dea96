using Mediation.Core.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Modularity;

/// <summary>
/// Demo records made the way users make them: through the module's own services, signed in as a demo account, so numbers,
/// clocks, audit entries and events are the real ones. Only with Demo:Records (etc/run.sh sets it); the tests leave it off
/// because their counts assume the demo units start empty.
/// </summary>
public static class DemoActor
{
    public const string RecordsSetting = "Demo:Records";

    public static bool RecordsWanted(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetValue<bool>(RecordsSetting);

    /// <summary>Runs <paramref name="work"/> in a new scope as <paramref name="userName"/>; does nothing if the account is missing.</summary>
    public static async Task RunAsAsync(IServiceProvider services, string userName, Func<IServiceProvider, Task> work, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindByUserNameAsync(userName, ct);
        var principal = user is null ? null : await scope.ServiceProvider.GetRequiredService<IUserPrincipals>().ForBackgroundWorkAsync(user.Id, ct);
        if (principal is null) return;
        // The accessor's value flows into the awaited work because it is set in this method, before the await.
        var http = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try
        {
            await work(scope.ServiceProvider);
        }
        finally
        {
            http.HttpContext = null;
        }
    }
}
