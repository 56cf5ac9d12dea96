using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;

// The bench's baselines, on the same database and durability setting as the host they are compared with:
// POST /items stores the request body with one raw INSERT (etc/bench/run.sh, intake);
// POST /documents stores a fixed 75 KB blob — the size of an agreement PDF — with its SHA-256 in one raw INSERT
// (etc/bench/agreements.sh, the document archive's floor).

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var provider = app.Configuration["Provider"] ?? "Sqlite";
var connectionString = app.Configuration["ConnectionString"] ?? throw new InvalidOperationException("Set ConnectionString.");
// Random bytes do not compress, as a PDF's deflated streams and embedded font subset hardly do.
var document = RandomNumberGenerator.GetBytes(75 * 1024);

if (provider == "Sqlite")
{
    // FULL (Microsoft.Data.Sqlite's default) or NORMAL; set on every opened connection, as the host does.
    var synchronous = app.Configuration["Synchronous"] ?? "NORMAL";
    using (var setup = new SqliteConnection(connectionString))
    {
        setup.Open();
        Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)");
        Execute(setup, "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, content BLOB NOT NULL, sha256 TEXT NOT NULL, at TEXT NOT NULL)");
    }
    app.MapPost("/documents", async () =>
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, $"PRAGMA synchronous={synchronous}");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO documents (content, sha256, at) VALUES ($content, $sha256, $at)";
        insert.Parameters.AddWithValue("$content", document);
        insert.Parameters.AddWithValue("$sha256", Convert.ToHexString(SHA256.HashData(document)));
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        await insert.ExecuteNonQueryAsync();
        return Results.Created();
    });
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
    await using (var setup = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS documents (id bigserial PRIMARY KEY, content bytea NOT NULL, sha256 text NOT NULL, at timestamptz NOT NULL)"))
        await setup.ExecuteNonQueryAsync();
    app.MapPost("/documents", async () =>
    {
        await using var insert = dataSource.CreateCommand("INSERT INTO documents (content, sha256, at) VALUES ($1, $2, $3)");
        insert.Parameters.AddWithValue(document);
        insert.Parameters.AddWithValue(Convert.ToHexString(SHA256.HashData(document)));
        insert.Parameters.AddWithValue(DateTimeOffset.UtcNow);
        await insert.ExecuteNonQueryAsync();
        return Results.Created();
    });
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
