using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Mediation.Identity;
using Mediation.LegalWindows;
using Mediation.Petitions;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R6, 等保2.0 level 3's controls in one flow on one host: lockout, the second factor, separated admin duties, the security
/// headers, CSRF on a page and on the API, the idle and absolute session limits; then the audit chain verifies over all of it, and
/// the 身份证号 and phones typed during the flow are found in plain text neither in the database, nor in the host's log, nor in an
/// exported workbook.
/// </summary>
public abstract partial class ControlsEndToEnd_Tests
{
    protected static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:AbsoluteLifetime"] = "00:30:00",
        // More than production keeps (appsettings.json: Information, EF and ASP.NET Core at Warning): requests and EF's SQL commands too.
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    };

    protected static Action<IServiceCollection> Services(FakeTimeProvider clock, LogCapture log) => s =>
    {
        s.AddSingleton<TimeProvider>(clock);
        s.AddSingleton<ILoggerProvider>(log);
    };

    protected abstract Task<(MediationAppFactory App, FakeTimeProvider Clock, LogCapture Log)> HostAsync();

    /// <summary>Everything the database holds, as the text an attacker with the files would search.</summary>
    protected abstract Task<string> StoredTextAsync(MediationAppFactory app);

    // Made for this test (valid check digits), so a hit cannot come from the demo data.
    private static readonly string PetitionerIdCard = IdCard("37090219850317461");
    private static readonly string UserIdCard = IdCard("37091119790615382");
    private static readonly string VillagerIdCard = IdCard("37098319920228547");
    private const string PetitionerPhone = "13705386129";
    private const string UserMobile = "13953817740";
    private const string VillagerPhone = "15165432907";

    /// <summary>Stored as typed (a matter is no personal number), so the database search is seen to find what is there.</summary>
    private const string Marker = "E2E-MARKER-20261129";

    [Fact]
    public async Task Every_control_holds_in_one_flow_and_no_personal_data_is_left_in_plain_text()
    {
        var (app, clock, log) = await HostAsync();
        var taishan = await app.UnitIdAsync("370902");

        // Personal data goes in through three modules.
        var officer = await app.ClientAsAsync("demo.petitionofficer");
        var petition = await officer.PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Visit, null, null,
            [new PetitionerInput("端到端某", PetitionerIdCard, PetitionerPhone, "岱东社区 9 号")], "端到端检查登记的宅基地纠纷 " + Marker, null, null, null, null, null, null));
        petition.StatusCode.ShouldBe(HttpStatusCode.Created, await petition.Content.ReadAsStringAsync());
        var petitionId = (await petition.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await (await officer.PostAsync($"/api/petitions/{petitionId}/petitioners/reveal", null)).Content.ReadAsStringAsync()).ShouldContain(PetitionerIdCard);

        var admin = await app.ClientAsAsync("demo.systemadmin");
        var created = await admin.PostJsonAsync("/api/identity/users", new CreateUserInput("e2e" + Guid.NewGuid().ToString("N")[..8], "端到端用户",
            "Strong-Pass-2026", taishan, [RoleNames.Statistician], UserIdCard, UserMobile));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var user = await created.ReadAsync<UserDto>();

        var advisor = await app.ClientAsAsync("demo.legaladvisor");
        var windows = await (await advisor.GetAsync("/api/legal-windows/windows")).ReadJsonAsync();
        var windowId = (windows.ValueKind is JsonValueKind.Array ? windows : windows.GetProperty("items"))[0].GetProperty("id").GetGuid();
        var servedAt = clock.GetUtcNow().AddHours(-1);
        var served = await advisor.PostJsonAsync("/api/legal-windows/records", new Mediation.LegalWindows.RecordServiceInput(windowId, ServiceKind.Consultation,
            servedAt, new ServedPersonInput("端到端村民", VillagerIdCard, VillagerPhone), "咨询宅基地使用权", "建议先行协商", 20, "民法典第三百六十二条"));
        served.StatusCode.ShouldBe(HttpStatusCode.Created, await served.Content.ReadAsStringAsync());
        // The service's month, not today's: an hour ago is last month when the test runs just after China's midnight on the 1st.
        var month = servedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var workbook = await LedgerWorkbookAsync(app, advisor, month);

        // Lockout: five wrong passwords, then the right one is refused too.
        var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
            (await anonymous.PostJsonAsync("/api/auth/token", new TokenRequest(user.UserName, "Wrong-Pass-2026", null))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeRefusedAsync(await anonymous.PostJsonAsync("/api/auth/token", new TokenRequest(user.UserName, "Strong-Pass-2026", null)),
            HttpStatusCode.Unauthorized, IdentityErrorCodes.LockedOut);

        // The second factor: an admin's password alone, or with a wrong code, gets no token.
        await ShouldBeRefusedAsync(await anonymous.PostJsonAsync("/api/auth/token", new TokenRequest("demo.auditadmin", MediationAppFactory.DemoPassword, null)),
            HttpStatusCode.Unauthorized, IdentityErrorCodes.TwoFactorRequired);
        await ShouldBeRefusedAsync(await anonymous.PostJsonAsync("/api/auth/token", new TokenRequest("demo.auditadmin", MediationAppFactory.DemoPassword, "000000")),
            HttpStatusCode.Unauthorized, IdentityErrorCodes.InvalidTwoFactorCode);
        (await anonymous.PostJsonAsync("/api/auth/token", new TokenRequest("demo.auditadmin", MediationAppFactory.DemoPassword, await app.TotpCodeAsync("demo.auditadmin"))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // 三权分立: no user holds two admin duties.
        await ShouldBeRefusedAsync(await admin.PutJsonAsync($"/api/identity/users/{user.Id}/roles", new SetUserRolesInput([RoleNames.SystemAdmin, RoleNames.AuditAdmin])),
            HttpStatusCode.UnprocessableEntity, IdentityErrorCodes.AdminDutiesSeparated);

        // The security headers on a page and on the API.
        foreach (var response in new[] { await anonymous.GetAsync("/Account/SignIn"), await officer.GetAsync($"/api/petitions/{petitionId}") })
        {
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        }

        // CSRF: with the page cookie, a form post without the token and an API call without the header are refused and reveal nothing.
        var browser = await SignInWithCookieAsync(app, "demo.petitionofficer");
        (await browser.PostAsync("/Petitions/Register", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Matter"] = "伪造的登记" })))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var forged = await browser.PostAsync($"/api/petitions/{petitionId}/petitioners/reveal", null);
        await ShouldBeRefusedAsync(forged, HttpStatusCode.Forbidden, CoreErrorCodes.AntiforgeryTokenMissing);

        // Sessions: 15 idle minutes end one; activity does not stretch one past its 30 minutes.
        (await SignedInAsync(browser)).ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(10));
        (await SignedInAsync(browser)).ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(16));
        (await SignedInAsync(browser)).ShouldBeFalse("15 idle minutes end the session");
        var busy = await SignInWithCookieAsync(app, "demo.statistician");
        for (var minutes = 7; minutes <= 28; minutes += 7)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            (await SignedInAsync(busy)).ShouldBeTrue($"after {minutes} active minutes");
        }
        clock.Advance(TimeSpan.FromMinutes(7));
        (await SignedInAsync(busy)).ShouldBeFalse("30 minutes end the session however busy");

        // The audit chain verifies over all of it, and holds what happened.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
            while (await chain.SealAsync(CancellationToken.None) > 0) { }
            var report = await chain.VerifyAsync(CancellationToken.None);
            report.Intact.ShouldBeTrue($"broken at {report.BrokenAtSequence}");
            var actions = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>().Select(a => a.Action).Distinct().ToListAsync();
            actions.ShouldContain(AuditActions.LockedOut);
            actions.ShouldContain(AuditActions.SignInFailed);
            actions.ShouldContain(AuditActions.PersonalDataRevealed);
            actions.ShouldContain(AuditActions.Created);
        }

        // No plain 身份证号 or phone in the database, the log or the workbook.
        var stored = await StoredTextAsync(app);
        var logged = string.Join("\n", log.Lines);
        stored.ShouldContain(Marker, customMessage: "the search reads the database where the petition is");
        logged.ShouldContain("Executed DbCommand", customMessage: "the log holds the SQL commands, so its search means something");
        foreach (var value in new[] { PetitionerIdCard, PetitionerPhone, UserIdCard, UserMobile, VillagerIdCard, VillagerPhone })
        {
            stored.ShouldNotContain(value, customMessage: "the database");
            stored.ShouldNotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value)), customMessage: "the database (as bytes)");
            logged.ShouldNotContain(value, customMessage: "the log");
            workbook.ShouldNotContain(value, customMessage: "the ledger workbook");
        }
        workbook.ShouldContain("端到端村民", customMessage: "the workbook holds the service, so its search means something");
    }

    /// <summary>The month's ledger as the background export writes it: every part of the xlsx, unzipped, as text.</summary>
    private static async Task<string> LedgerWorkbookAsync(MediationAppFactory app, HttpClient advisor, string month)
    {
        var requested = await advisor.PostAsync("/api/exports", new StringContent(
            $"{{\"kind\":\"legal-windows.ledger\",\"parameters\":{{\"month\":\"{month}\"}}}}", Encoding.UTF8, "application/json"));
        requested.IsSuccessStatusCode.ShouldBeTrue(await requested.Content.ReadAsStringAsync());
        var exportId = (await requested.ReadJsonAsync()).GetProperty("id").GetGuid();
        await ExportRuns.RunAsync(app, exportId);
        var file = await advisor.GetAsync($"/api/exports/{exportId}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK, await file.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code, body);
    }

    private static async Task<HttpClient> SignInWithCookieAsync(MediationAppFactory app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = MediationAppFactory.DemoPassword,
            ["totpCode"] = await app.TotpCodeAsync(userName),
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    private static async Task<bool> SignedInAsync(HttpClient client) => (await client.GetAsync("/Notices")).StatusCode == HttpStatusCode.OK;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>GB 11643: the 18th character is the ISO 7064 MOD 11-2 check of the first 17.</summary>
    private static string IdCard(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}

/// <summary>Every line any category logs, with its structured values, as a log sink would keep it.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => p.Value)) : "";
            lines.Enqueue($"{formatter(state, exception)} | {values} {exception}");
        }
    }
}

public sealed class ControlsEndToEnd_Tests_on_Sqlite : ControlsEndToEnd_Tests, IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly LogCapture _log = new();
    private MediationAppFactory? _app;

    protected override Task<(MediationAppFactory App, FakeTimeProvider Clock, LogCapture Log)> HostAsync()
    {
        _app ??= new MediationAppFactory(DatabaseProvider.Sqlite, settings: Settings, services: Services(_clock, _log));
        _app.StartServer();
        return Task.FromResult((_app, _clock, _log));
    }

    /// <summary>The database file and its write-ahead log, byte for byte.</summary>
    protected override async Task<string> StoredTextAsync(MediationAppFactory app)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(app.ContentDirectory, "mediation.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes);
            text.Append(Encoding.Latin1.GetString(bytes));
        }
        text.Length.ShouldBeGreaterThan(100_000);
        return text.ToString();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public void Dispose() => _log.Dispose();
}

[Collection(PostgresCollection.Second)]
public sealed class ControlsEndToEnd_Tests_on_PostgreSql(PostgresCluster cluster) : ControlsEndToEnd_Tests, IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly LogCapture _log = new();

    public void Dispose() => _log.Dispose();

    protected override async Task<(MediationAppFactory App, FakeTimeProvider Clock, LogCapture Log)> HostAsync() =>
        (await cluster.AppForAsync(GetType(), Services(_clock, _log), Settings), _clock, _log);

    /// <summary>Every row of every table of every schema (Hangfire's too), as PostgreSQL prints it; bytea shows as hex.</summary>
    protected override async Task<string> StoredTextAsync(MediationAppFactory app)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Default"]);
        await connection.OpenAsync();
        var tables = new List<(string Schema, string Table)>();
        await using (var list = new Npgsql.NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetString(1)));
        tables.Count.ShouldBeGreaterThan(30);
        var text = new StringBuilder();
        foreach (var (schema, table) in tables)
        {
            // The names come from the catalog, quoted: nothing of a user's reaches this SQL.
            await using var rows = new Npgsql.NpgsqlCommand($"SELECT t::text FROM \"{schema.Replace("\"", "\"\"")}\".\"{table.Replace("\"", "\"\"")}\" AS t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }
        return text.ToString();
    }
}
