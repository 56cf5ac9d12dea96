using Hangfire;
using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>Several hosts in one process (the tests, a blue-green restart) share Hangfire's static log provider.</summary>
public sealed class HangfireHosts_Tests
{
    [Fact]
    public async Task A_host_enqueues_after_another_host_in_the_process_has_stopped()
    {
        await using var staying = new MediationAppFactory(DatabaseProvider.Sqlite);
        staying.StartServer();
        var leaving = new MediationAppFactory(DatabaseProvider.Sqlite);
        leaving.StartServer(); // configures Hangfire last, so the process-wide log provider is its
        await leaving.DisposeAsync();

        // Before, the first BackgroundJobClient of the staying host took its logger from the disposed factory.
        var id = staying.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => Console.WriteLine("test"));
        id.ShouldNotBeNullOrEmpty();
    }
}
