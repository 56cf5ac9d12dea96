using Microsoft.Data.Sqlite;
using Npgsql;

// The bench's baseline: a bare endpoint that stores the request body with one raw INSERT, on the same
// database and durability setting as the host it is compared with. Run by etc/bench/run.sh.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var provider = app.Configuration["Provider"] ?? "Sqlite";
var connectionString = app.Configuration["ConnectionString"] ?? throw new InvalidOperationException("Set ConnectionString.");

if (provider == "Sqlite")
{
    // FULL (Microsoft.Data.Sqlite's default) or NORMAL; set on every opened connection, as the host does.
    var synchronous = app.Configuration["Synchronous"] ?? "NORMAL";
    using (var setup = new SqliteConnection(connectionString))
    {
        setup.Open();
        Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)");
    }
    app.MapPost("/items", async (HttpRequest request) =>
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, $"PRAGMA synchronous={synchronous}");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO items (body, at) VALUES ($body, $at)";
        insert.Parameters.AddWithValue("$body", body);
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        await insert.ExecuteNonQueryAsync();
        return Results.Created();
    });
}
else
{
    var dataSource = NpgsqlDataSource.Create(connectionString);
    await using (var setup = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS items (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL)"))
        await setup.ExecuteNonQueryAsync();
    app.MapPost("/items", async (HttpRequest request) =>
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        await using var insert = dataSource.CreateCommand("INSERT INTO items (body, at) VALUES ($1, $2)");
        insert.Parameters.AddWithValue(body);
        insert.Parameters.AddWithValue(DateTimeOffset.UtcNow);
        await insert.ExecuteNonQueryAsync();
        return Results.Created();
    });
}
app.MapGet("/health", () => "ok");
app.Run();

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
