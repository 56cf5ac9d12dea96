using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Security;

public sealed class DemoGuard_Tests
{
    [Fact]
    public async Task The_host_refuses_to_start_outside_the_demo_while_demo_accounts_exist()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "guard-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "guard.db")}";
        await using (var demo = new MediationAppFactory(DatabaseProvider.Sqlite, connection))
            demo.StartServer();

        await using var production = new MediationAppFactory(DatabaseProvider.Sqlite, connection,
            new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        Should.Throw<InvalidOperationException>(() => production.StartServer()).Message.ShouldContain("Demo accounts");
    }
}
