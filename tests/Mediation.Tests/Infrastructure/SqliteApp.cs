using Mediation.Core.Data;

namespace Mediation.Tests.Infrastructure;

/// <summary>Class fixture: one host on a fresh SQLite file for all tests of a class.</summary>
public sealed class SqliteApp : IAsyncLifetime
{
    public MediationAppFactory Factory { get; } = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync()
    {
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
