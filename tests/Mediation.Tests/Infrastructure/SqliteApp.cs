using Mediation.Core.Data;

namespace Mediation.Tests.Infrastructure;

/// <summary>Class fixture: one host on a fresh SQLite file for all tests of a class.</summary>
public class SqliteApp : IAsyncLifetime
{
    public SqliteApp() => Factory = new MediationAppFactory(DatabaseProvider.Sqlite);

    protected SqliteApp(MediationAppFactory factory) => Factory = factory;

    public MediationAppFactory Factory { get; }

    public Task InitializeAsync()
    {
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
