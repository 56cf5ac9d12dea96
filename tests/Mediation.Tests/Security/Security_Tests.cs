using System.Net;
using System.Text.Json;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Documents.Application;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Mediation.Web.Documents.Application;

namespace Mediation.Tests.Security;

public abstract class Security_Tests : ProviderTests
{
    private const string ValidIdCard = "11010519491231002X";

    private async Task<OrgUnitDto> UnitAsync(string code)
    {
        var client = await ClientAsync();
        return (await (await client.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == code);
    }

    private async Task<Guid> DaiyueMediatorIdAsync()
    {
        var app = await AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return await db.Set<AppUser>().Where(u => u.UserName == "demo.mediator.daiyue").Select(u => u.Id).SingleAsync();
    }

    private async Task<UserDto> CreateUserAsync(string unitCode, string? idCard = null, IReadOnlyList<string>? roles = null)
    {
        var client = await ClientAsync();
        var unit = await UnitAsync(unitCode);
        var response = await client.PostJsonAsync("/api/identity/users", new CreateUserInput(
            "u" + Guid.NewGuid().ToString("N")[..10], "测试用户", "Strong-Pass-2026", unit.Id, roles ?? [RoleNames.Mediator], idCard, "13800138000"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserDto>();
    }

    [Fact]
    public async Task Anonymous_callers_get_a_401_problem()
    {
        var response = await (await AnonymousClientAsync()).GetAsync("/api/org-units");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task A_missing_permission_is_a_403_problem_and_is_audited()
    {
        var mediator = await ClientAsync(userName: "demo.mediator");
        var taishan = await UnitAsync("370902");
        var response = await mediator.PostJsonAsync("/api/org-units", new CreateOrgUnitInput(taishan.Id, "X" + Guid.NewGuid().ToString("N")[..8], "越权街道", OrgUnitKind.Township, 0));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Forbidden);
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.PermissionDenied && a.UserName == "demo.mediator")).ShouldBeTrue();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var user = await CreateUserAsync("370902");
        var client = await AnonymousClientAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostJsonAsync("/api/auth/token", new TokenRequest(user.UserName, "Wrong-Pass-2026", null));
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        var right = await client.PostJsonAsync("/api/auth/token", new TokenRequest(user.UserName, "Strong-Pass-2026", null));

        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await right.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.LockedOut);
    }

    [Fact]
    public async Task An_admin_needs_the_second_factor()
    {
        var client = await AnonymousClientAsync();
        var withoutCode = await client.PostJsonAsync("/api/auth/token", new TokenRequest("demo.auditadmin", MediationAppFactory.DemoPassword, null));
        (await withoutCode.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.TwoFactorRequired);
        var wrongCode = await client.PostJsonAsync("/api/auth/token", new TokenRequest("demo.auditadmin", MediationAppFactory.DemoPassword, "000000"));
        (await wrongCode.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.InvalidTwoFactorCode);
        var withCode = await client.PostJsonAsync("/api/auth/token",
            new TokenRequest("demo.auditadmin", MediationAppFactory.DemoPassword, await (await AppAsync()).TotpCodeAsync("demo.auditadmin")));
        withCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withCode.ReadAsync<TokenResponse>()).AccessToken.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Admin_duties_cannot_be_combined_in_one_user()
    {
        var user = await CreateUserAsync("370902", roles: [RoleNames.Statistician]);
        var client = await ClientAsync();
        var response = await client.PutJsonAsync($"/api/identity/users/{user.Id}/roles", new SetUserRolesInput([RoleNames.SystemAdmin, RoleNames.AuditAdmin]));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.AdminDutiesSeparated);

        var created = await client.PostJsonAsync("/api/identity/users", new CreateUserInput("dual" + Guid.NewGuid().ToString("N")[..6], "双重", "Strong-Pass-2026",
            (await UnitAsync("370902")).Id, [RoleNames.SecurityAdmin, RoleNames.SystemAdmin], null, null));
        (await created.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.AdminDutiesSeparated);
    }

    [Fact]
    public async Task A_Taishan_admin_neither_sees_nor_changes_Daiyue_users_or_units()
    {
        var client = await ClientAsync();
        var foreignUser = await DaiyueMediatorIdAsync();
        (await client.GetAsync($"/api/identity/users/{foreignUser}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/api/identity/users")).ShouldNotContain(foreignUser.ToString());
        (await client.PutJsonAsync($"/api/identity/users/{foreignUser}/roles", new SetUserRolesInput([RoleNames.Statistician])))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The admin cannot read 岱岳区 through the API at all; its id comes from the seed.
        var daiyue = await (await AppAsync()).UnitIdAsync("370911");
        (await client.GetAsync($"/api/org-units/{daiyue}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var intoDaiyue = await client.PostJsonAsync("/api/identity/users",
            new CreateUserInput("x" + Guid.NewGuid().ToString("N")[..8], "越界", "Strong-Pass-2026", daiyue, [], null, null));
        intoDaiyue.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var rename = await client.PutJsonAsync($"/api/org-units/{daiyue}", new UpdateOrgUnitInput("改名", null, null, "any-stamp"));
        rename.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Generated over every API endpoint: whoever calls, with whatever method, a foreign (岱岳区)
    /// record's id never yields a success, and no list shows it. A new endpoint is covered the day it is mapped.
    /// </summary>
    [Fact]
    public async Task No_endpoint_reveals_a_record_of_a_sibling_county()
    {
        var app = await AppAsync();
        var foreignIds = await ForeignRecordIdsAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            // Signing out would end the callers' cached tokens; neither route takes an id.
            .Where(e => e.RoutePattern.RawText is not ("/api/auth/token" or "/api/auth/sign-out"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(10);

        string[] callers = ["demo.systemadmin", "demo.securityadmin", "demo.auditadmin", "demo.mediator", "demo.statistician", "demo.coordinator",
            "demo.petitionofficer"];
        foreach (var foreignId in foreignIds)
        foreach (var caller in callers)
        {
            var client = await app.ClientAsAsync(caller);
            foreach (var (method, route) in endpoints)
            {
                var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{id[^}]*\}", foreignId);
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+\}", "x");
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                var response = await client.SendAsync(request);
                // Problem details echo the requested path in "instance"; only other appearances would leak.
                var body = (await response.Content.ReadAsStringAsync()).Replace(url, "", StringComparison.Ordinal);
                if (route.Contains("{id", StringComparison.Ordinal))
                    response.IsSuccessStatusCode.ShouldBeFalse($"{caller} {method} {url} answered {(int)response.StatusCode}");
                body.ShouldNotContain(foreignId, customMessage: $"{caller} {method} {url} leaked the foreign id");
            }
        }
    }

    /// <summary>One record of every scoped kind, created in 岱岳区: a user, an issued document, a deadline clock, a petition.</summary>
    private async Task<IReadOnlyList<string>> ForeignRecordIdsAsync()
    {
        var app = await AppAsync();
        var daiyueUnit = await app.UnitIdAsync("370911");

        // Documents and clocks are issued and started only by modules, in-process, on their own records.
        IssuedDocumentDto document;
        Mediation.Core.Deadlines.Application.DeadlineClockDto clock;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            document = await scope.ServiceProvider.GetRequiredService<DocumentArchiveAppService>().IssueAsync(new IssueFromTemplate(
                "acceptance-notice", "岱岳信〔2026〕" + Guid.NewGuid().ToString("N")[..8], "Petition", "p-scope", daiyueUnit,
                JsonSerializer.SerializeToElement(Mediation.Tests.Documents.SampleDocuments.NoticeModel(), HttpJson.Options).EnumerateObject()
                    .ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal)), CancellationToken.None);
            clock = await scope.ServiceProvider.GetRequiredService<Mediation.Core.Deadlines.IDeadlineClocks>().StartAsync(
                new Mediation.Core.Deadlines.Application.StartClockInput("petition", Guid.NewGuid(), daiyueUnit, "petition.handling", DateTimeOffset.UtcNow, "岱岳区信访办"),
                CancellationToken.None);
        }

        var petition = await (await Mediation.Tests.Petitions.ForeignPetitionOfficer.ClientAsync(app)).PostJsonAsync("/api/petitions",
            new Mediation.Petitions.RegisterPetitionInput(Mediation.Petitions.PetitionChannel.Visit, null, null,
                [new Mediation.Petitions.PetitionerInput("岳某", null, null, null)], "天平街道宅基地纠纷", null, null, null, null, null, null));
        petition.StatusCode.ShouldBe(HttpStatusCode.Created, await petition.Content.ReadAsStringAsync());

        return [(await DaiyueMediatorIdAsync()).ToString(), document.Id.ToString(), clock.Id.ToString(),
                (await petition.ReadJsonAsync()).GetProperty("id").GetString()!];
    }

    [Fact]
    public async Task Personal_data_is_masked_and_each_reveal_is_audited()
    {
        var user = await CreateUserAsync("370902", ValidIdCard);
        user.IdCardNumber.ShouldBe("1101**********002X");
        user.Mobile.ShouldBe("138****8000");

        var admin = await ClientAsync();
        (await admin.PostAsync($"/api/identity/users/{user.Id}/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var mediator = await ClientAsync(userName: "demo.mediator");
        var revealed = await (await mediator.PostAsync($"/api/identity/users/{user.Id}/reveal", null)).ReadAsync<RevealedPersonalData>();
        revealed.IdCardNumber.ShouldBe(ValidIdCard);

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.PersonalDataRevealed && a.EntityId == user.Id.ToString() && a.UserName == "demo.mediator"))
            .ShouldBeTrue();
        (await db.Set<AuditEntry>().Where(a => a.EntityId == user.Id.ToString()).Select(a => a.Details).ToListAsync())
            .ShouldAllBe(d => d == null || !d.Contains(ValidIdCard));
    }

    [Fact]
    public async Task An_invalid_ID_number_is_refused_with_the_field_named()
    {
        var client = await ClientAsync();
        var response = await client.PostJsonAsync("/api/identity/users", new CreateUserInput("bad" + Guid.NewGuid().ToString("N")[..6], "坏号", "Strong-Pass-2026",
            (await UnitAsync("370902")).Id, [], "110105194912310021", "12345"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.GetProperty("idCardNumber")[0].GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.InvalidIdCardNumber);
        errors.GetProperty("mobile")[0].GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.InvalidMobile);
    }

    /// <summary>The soak (issue 18, R5) found PostgreSQL answering 500 to a NUL that SQLite stores: now a problem, never a 500.</summary>
    [Fact]
    public async Task A_NUL_character_is_never_a_500_in_a_body_a_free_form_value_or_a_query()
    {
        var anonymous = await AnonymousClientAsync();
        var token = await anonymous.PostAsync("/api/auth/token",
            new StringContent("{\"userName\":\"demo.\\u0000admin\",\"password\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        ((int)token.StatusCode).ShouldBeInRange(400, 499, await token.Content.ReadAsStringAsync());
        (await token.ReadJsonAsync()).GetProperty("code").GetString().ShouldNotBeNullOrEmpty();

        var admin = await ClientAsync();
        var search = await admin.GetAsync("/api/org-units?search=a%00b");
        // A control character in any text the API takes is refused by name on both databases (PostgreSQL cannot store or compare a NUL).
        search.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await search.Content.ReadAsStringAsync());
        (await search.ReadJsonAsync()).GetProperty("errors").GetProperty("search")[0].GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.InvalidText);

        Mediation.Core.Validation.TextRules.IsWellFormedUtf16("a\0b").ShouldBeTrue("NUL is valid UTF-16; it is refused as unstorable");
        Should.Throw<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(
            "{\"model\":\"a\\u0000b\"}", HttpJson.Options));
    }

    [Fact]
    public async Task The_audit_chain_verifies_and_a_tampered_row_is_found()
    {
        var app = await AppAsync();
        await CreateUserAsync("370902");
        var chain = app.Services.GetRequiredService<AuditChain>();
        await Task.Delay(300);
        while (await chain.SealAsync(CancellationToken.None) > 0) { }

        var auditor = await ClientAsync(userName: "demo.auditadmin");
        var report = await (await auditor.GetAsync("/api/audit/verify")).ReadAsync<AuditChainReport>();
        report.Intact.ShouldBeTrue();
        report.Checked.ShouldBeGreaterThan(5);

        long tampered;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var row = await db.Set<AuditEntry>().Where(a => a.Sequence != null && a.Action == AuditActions.Created).OrderBy(a => a.Sequence).Skip(2).FirstAsync();
            tampered = row.Sequence!.Value;
            await db.Set<AuditEntry>().Where(a => a.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "someone-else"));
        }
        var broken = await (await auditor.GetAsync("/api/audit/verify")).ReadAsync<AuditChainReport>();
        broken.Intact.ShouldBeFalse();
        broken.BrokenAtSequence.ShouldBe(tampered);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            await db.Set<AuditEntry>().Where(a => a.Sequence == tampered).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "demo.systemadmin"));
        }
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_one_unit()
    {
        var client = await ClientAsync();
        var taishan = await UnitAsync("370902");
        var input = new CreateOrgUnitInput(taishan.Id, "I" + Guid.NewGuid().ToString("N")[..8], "幂等街道", OrgUnitKind.Township, 0);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Post(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/org-units") { Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpJson.Options) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var first = await Post(input);
        var retry = await Post(input);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await retry.ReadAsync<OrgUnitDto>()).Id.ShouldBe((await first.ReadAsync<OrgUnitDto>()).Id);
        (await (await client.GetAsync($"/api/org-units?parentId={taishan.Id}")).ReadAsync<List<OrgUnitDto>>())
            .Count(u => u.Code == input.Code).ShouldBe(1);

        var otherBody = await Post(input with { Name = "另一个" });
        otherBody.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await otherBody.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.IdempotencyKeyReused);
    }

    private static HttpRequestMessage WithKey(HttpMethod method, string url, object? body, string key)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpJson.Options);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>Issue 12 item 7: the store kept revealed ID numbers in plain text and a replayed reveal wrote no audit row.</summary>
    [Fact]
    public async Task A_reveal_is_never_replayed_from_the_store_and_each_one_is_audited_while_a_create_is_kept_encrypted()
    {
        var app = await AppAsync();
        var officer = await ClientAsync(userName: "demo.petitionofficer");
        const string fixedId = ValidIdCard;
        var createKey = Guid.NewGuid().ToString();
        var input = new Mediation.Petitions.RegisterPetitionInput(Mediation.Petitions.PetitionChannel.Visit, null, null,
            [new Mediation.Petitions.PetitionerInput("幂等某", fixedId, "13800138000", "岱东社区 9 号")], "幂等登记的信访事项" + createKey[..6], null, null, null, null, null, null);
        var created = await officer.SendAsync(WithKey(HttpMethod.Post, "/api/petitions", input, createKey));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var replayed = await officer.SendAsync(WithKey(HttpMethod.Post, "/api/petitions", input, createKey));
        replayed.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        var petitionId = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        (await replayed.ReadJsonAsync()).GetProperty("id").GetString().ShouldBe(petitionId);

        var revealKey = Guid.NewGuid().ToString();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var reveal = await officer.SendAsync(WithKey(HttpMethod.Post, $"/api/petitions/{petitionId}/petitioners/reveal", null, revealKey));
            reveal.StatusCode.ShouldBe(HttpStatusCode.OK, await reveal.Content.ReadAsStringAsync());
            reveal.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
            (await reveal.Content.ReadAsStringAsync()).ShouldContain(fixedId);
        }
        var token = await (await AnonymousClientAsync()).SendAsync(WithKey(HttpMethod.Post, "/api/auth/token",
            new TokenRequest("demo.petitionofficer", MediationAppFactory.DemoPassword, null), revealKey + "-token"));
        token.StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.PersonalDataRevealed && a.EntityId == petitionId)).ShouldBe(2);
        (await db.Set<Mediation.Web.Http.IdempotencyRecord>().AnyAsync(r => r.Key == revealKey || r.Key == revealKey + "-token")).ShouldBeFalse();
        var stored = await db.Set<Mediation.Web.Http.IdempotencyRecord>().SingleAsync(r => r.Key == createKey);
        var storedText = System.Text.Encoding.UTF8.GetString(stored.Body!);
        storedText.ShouldNotContain(petitionId);
        storedText.ShouldNotContain("幂等某");
        storedText.ShouldNotContain("岱东社区");
    }

    [Fact]
    public async Task Idempotency_keys_are_forgotten_after_their_retention_by_the_purge_job()
    {
        var client = await ClientAsync();
        var taishan = await UnitAsync("370902");
        var input = new CreateOrgUnitInput(taishan.Id, "P" + Guid.NewGuid().ToString("N")[..8], "过期街道", OrgUnitKind.Township, 0);
        var oldKey = Guid.NewGuid().ToString();
        var newKey = Guid.NewGuid().ToString();
        (await client.SendAsync(WithKey(HttpMethod.Post, "/api/org-units", input, oldKey))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendAsync(WithKey(HttpMethod.Post, "/api/org-units", input with { Code = "Q" + input.Code![1..] }, newKey))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-2);
        await db.Set<Mediation.Web.Http.IdempotencyRecord>().Where(r => r.Key == oldKey).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, longAgo));

        (await scope.ServiceProvider.GetRequiredService<Mediation.Web.Http.IdempotencyPurgeJob>().RunAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        (await db.Set<Mediation.Web.Http.IdempotencyRecord>().AnyAsync(r => r.Key == oldKey)).ShouldBeFalse();
        (await db.Set<Mediation.Web.Http.IdempotencyRecord>().AnyAsync(r => r.Key == newKey)).ShouldBeTrue();
    }
}

public sealed class Security_Tests_on_Sqlite(SqliteApp app) : Security_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);

    [Fact]
    public async Task No_plaintext_ID_number_reaches_the_database_file()
    {
        const string idCard = "110105194912310021";
        var client = await ClientAsync();
        var unit = (await (await client.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var plain = "37090219800101123" + "0";
        var response = await client.PostJsonAsync("/api/identity/users", new CreateUserInput("pii" + Guid.NewGuid().ToString("N")[..6], "明文检查",
            "Strong-Pass-2026", unit.Id, [RoleNames.Mediator], plain, "13912345678"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        idCard.ShouldNotBe(plain);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.Factory.ContentDirectory, "mediation.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            text.ShouldNotContain(plain, customMessage: file);
            text.ShouldNotContain("13912345678", customMessage: file);
        }
    }
}

[Collection(PostgresCollection.Third)]
public sealed class Security_Tests_on_PostgreSql(PostgresCluster cluster) : Security_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
