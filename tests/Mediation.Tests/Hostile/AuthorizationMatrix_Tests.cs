using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.JointMeetings;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R1: the authorization matrix, generated from the host's own routing table. Every /api endpoint is called by every demo
/// role (and anonymously) on one record of its kind, moved in turn into the caller's unit, a child unit, a sibling and the parent.
/// The expected answer follows from the endpoint's permission metadata and the org tree: without the permission a 403, with it the
/// record answers only inside the caller's subtree, and outside it exactly like an id that does not exist. An endpoint without a
/// permission, or with an id the matrix does not know, fails the test until it gets a row below.
/// </summary>
public abstract partial class AuthorizationMatrix_Tests
{
    protected static readonly IReadOnlyDictionary<string, string?> WithDemoRecords =
        new Dictionary<string, string?> { [Mediation.Core.Modularity.DemoActor.RecordsSetting] = "true" };

    protected abstract Task<MediationAppFactory> AppAsync();

    /// <summary>Where the probe records go: 泰山区 (the unit of most demo accounts), its 岱庙街道, its sibling 岱岳区, the parent 泰安市, and 肥城市 (the desk's unit).</summary>
    private static readonly string[] UnitCodes = ["370902", "370902001", "370911", "370900", "370983"];

    /// <summary>The record an id route names, by the route up to its first <c>{id}</c>; the value is the entity's class name.</summary>
    private static readonly Dictionary<string, string> RecordOfRoute = new(StringComparer.Ordinal)
    {
        ["/api/cases/committees/{id}"] = "MediationCommittee",
        ["/api/cases/{id}"] = "MediationCase",
        ["/api/petitions/{id}"] = "Petition",
        ["/api/service-desk/portal/requests/{id}"] = "DeskRequest",
        ["/api/service-desk/requests/{id}"] = "DeskRequest",
        ["/api/service-desk/enterprises/{id}"] = "Enterprise",
        ["/api/service-desk/visits/{id}"] = "Visit",
        ["/api/legal-windows/windows/{id}"] = "LegalWindow",
        ["/api/legal-windows/shifts/{id}"] = "DutyShift",
        ["/api/legal-windows/records/{id}"] = "ServiceRecord",
        ["/api/joint-meetings/groups/{id}"] = "WorkingGroup",
        ["/api/joint-meetings/agenda-items/{id}"] = "AgendaItem",
        ["/api/joint-meetings/meetings/{id}"] = "Meeting",
        ["/api/joint-meetings/tasks/{id}"] = "AssignedTask",
        ["/api/documents/{id}"] = "IssuedDocument",
        ["/api/deadlines/clocks/{id}"] = "DeadlineClock",
        ["/api/notifications/{id}"] = "Notice",
        ["/api/identity/users/{id}"] = "AppUser",
        // An org unit's record is the unit itself: it lies in the caller's subtree or not.
        ["/api/org-units/{id}"] = nameof(OrgUnit),
        // Not in a unit: an export belongs to the user who asked for it, and no one else sees it.
        ["/api/exports/{id}"] = ExportJob,
    };

    private const string ExportJob = "ExportJob";

    private enum Rule
    {
        Subtree,
        /// <summary>The unit above is readable too.</summary>
        SubtreeAndAncestors,
        /// <summary>The probe record is never the caller's: it answers like an unknown id wherever it lies.</summary>
        NotTheirs,
        /// <summary>The enterprise's own request, wherever the desk handles it.</summary>
        TheirEnterprise,
    }

    /// <summary>The endpoints (by the start of "METHOD route") whose rule is not "the record's unit in the caller's subtree", for the callers it applies to, and why.</summary>
    private static readonly Dictionary<string, (Func<Caller, bool> Applies, Rule Rule, string Why)> Different = new(StringComparer.Ordinal)
    {
        ["GET /api/org-units/{id}"] = (_ => true, Rule.SubtreeAndAncestors,
            "issue 12 item 15: a caller reads the units above it, which it reports to (OrgUnitAppService.Visible); a sibling stays unknown"),
        ["GET /api/joint-meetings/tasks/{id}"] = (c => !c.Permissions.Contains(JointMeetingsPermissions.Meetings.Read), Rule.NotTheirs,
            "without Meetings.Read a caller sees only the tasks of the member units it is a liaison of (TaskAppService.TasksFor); no matrix caller is one"),
        ["POST /api/joint-meetings/tasks/{id}/"] = (c => !c.Permissions.Contains(JointMeetingsPermissions.Meetings.Read), Rule.NotTheirs,
            "as above: only the lead unit's liaisons report on a task"),
        ["GET /api/service-desk/portal/requests/{id}"] = (_ => true, Rule.TheirEnterprise,
            "an enterprise user sees his own enterprise's requests wherever the desk handles them, even escalated to the city (DeskScope); another enterprise's request is checked apart"),
        ["POST /api/service-desk/portal/requests/{id}/"] = (_ => true, Rule.TheirEnterprise, "as above"),
    };
    private const string ExportOwner = "demo.coordinator";

    /// <summary>Endpoints open to anyone, and why.</summary>
    private static readonly Dictionary<string, string> Anonymous = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/token"] = "signing in is how a caller gets a token",
        ["GET /api/service-desk/checklist"] = "the public materials checklist an enterprise reads before it signs up",
        ["POST /api/service-desk/enterprises/sign-up"] = "an enterprise signs up before it has an account; a desk officer approves it",
        ["POST /api/integrations/work-orders"] = "an integrating system (the 12345 platform) authenticates by its API key (X-Api-Key), not by a user session: "
            + "without a valid key the service answers 401 Integrations:ApiKeyInvalid, a user's token included (WorkOrders_Tests)",
    };

    /// <summary>Endpoints for any signed-in caller without a permission, and why; <c>Call = false</c> for those that would change the test accounts.</summary>
    private static readonly Dictionary<string, (string Why, bool Call)> SignedInOnly = new(StringComparer.Ordinal)
    {
        ["GET /api/auth/me"] = ("every user reads their own account", true),
        ["GET /api/calendar/due"] = ("the statutory calendar and deadline policies are the reference every user's deadlines are computed with", true),
        ["GET /api/calendar/policies"] = ("as above: the policies with their legal basis", true),
        ["GET /api/calendar/{year}"] = ("as above: one year's working days", true),
        ["POST /api/exports/"] = ("the export kind's own permission is checked when the export is requested (ExportsAppService)", true),
        ["GET /api/exports/"] = ("a user lists only the exports they asked for", true),
        ["GET /api/exports/{id}"] = ("a user sees only their own export; the matrix checks the owner rule", true),
        ["GET /api/exports/{id}/file"] = ("as above: the file of their own export", true),
        ["POST /api/auth/sign-out"] = ("every user ends their own sessions (Session_Tests); calling it would end the matrix's tokens", false),
        ["POST /api/auth/two-factor/setup"] = ("every user enrols their own authenticator (TwoFactor_Tests); it would reset the admins' keys", false),
        ["GET /api/auth/two-factor/setup/qr"] = ("the QR code of the caller's own pending enrolment (TwoFactor_Tests)", true),
        ["POST /api/auth/two-factor/confirm"] = ("confirms the caller's own enrolment (TwoFactor_Tests)", false),
    };

    private sealed record Caller(string Name, Guid UserId, HttpClient Client, Guid UnitId, string UnitPath, IReadOnlySet<string> Permissions);

    /// <summary>What a caller can tell apart: the status, the code, the message (it names the entity not found) and the field errors.</summary>
    private sealed record Answer(int Status, string? Code, string? Title, string? Errors)
    {
        public override string ToString() => $"{Status} {Code} {Title} {Errors}";
    }

    /// <summary>An endpoint and method; <c>Requirements</c> must all be met, each by holding any one of its permissions.</summary>
    private sealed record Probe(string Method, string Route, string Key, IReadOnlyList<IReadOnlyList<string>> Requirements, string? RecordType, string UrlTemplate)
    {
        public bool HasSubRecord => Route.IndexOf('{', Route.IndexOf("{id}", StringComparison.Ordinal) + 1) >= 0;

        public string Needs => string.Join(" and ", Requirements.Select(r => string.Join(" or ", r)));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_by_its_permission_and_the_records_place_in_the_org_tree()
    {
        var app = await AppAsync();
        var catalog = app.Services.GetRequiredService<PermissionCatalog>();
        var (probes, unclassified) = Probes(app, catalog);
        unclassified.ShouldBeEmpty("every /api endpoint needs a permission, or a row in Anonymous / SignedInOnly saying why not, and every id route a row in RecordOfRoute");
        probes.Count.ShouldBeGreaterThan(150);

        var units = await UnitsAsync(app);
        var callers = new List<Caller>();
        foreach (var role in RoleNames.All)
            callers.Add(await CallerAsync(app, $"demo.{role.ToLowerInvariant()}", role, catalog, units));
        var records = await ProbeRecordsAsync(app, probes.Select(p => p.RecordType).OfType<string>().Distinct().ToList());
        var original = records.ToDictionary(r => r.Key, r => r.Value.UnitId);

        var failures = new List<string>();
        var anonymous = app.CreateClient();
        var randomAnswers = new Dictionary<(string, string), Answer>();
        var requests = 0;

        async Task<Answer> SendAsync(HttpClient client, Probe probe, Guid? recordId)
        {
            requests++;
            var url = probe.UrlTemplate.Replace("{id}", (recordId ?? RandomIdOf(probe)).ToString(), StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(probe.Method), url);
            if (probe.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"{probe.Key} {url} → {status}");
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return new Answer(status, null, null, null);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            string? Text(string name) => body.RootElement.TryGetProperty(name, out var value) ? value.ValueKind is JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
            return new Answer(status, Text("code"), Text("title"), Text("errors"));
        }

        // Anonymous callers: 401 everywhere but the open endpoints.
        foreach (var probe in probes.Where(p => !Anonymous.ContainsKey(p.Key)))
        {
            var answer = await SendAsync(anonymous, probe, null);
            if ((answer.Status, answer.Code) != (401, Mediation.Core.Domain.CoreErrorCodes.Unauthorized))
                failures.Add($"anonymous {probe.Key} → {answer}");
        }

        // Without the permission the answer is a 403 whatever the record; the authorization middleware decides before the endpoint reads it.
        foreach (var probe in probes.Where(p => p.Requirements.Count > 0))
        foreach (var caller in callers.Where(c => !Permitted(c, probe)))
        {
            var ownRecord = probe.RecordType is null ? (Guid?)null : await MoveAsync(app, records, probe.RecordType, caller.UnitId, units);
            foreach (var recordId in ownRecord is null ? new Guid?[] { null } : [null, ownRecord])
            {
                var answer = await SendAsync(caller.Client, probe, recordId);
                if ((answer.Status, answer.Code) != (403, Mediation.Core.Domain.CoreErrorCodes.Forbidden))
                    failures.Add($"{caller.Name} lacks {probe.Needs}: {probe.Key} → {answer}");
            }
        }

        // With the permission: no record in the route answers the caller at all; a record answers inside the subtree and is unknown outside it.
        foreach (var probe in probes.Where(p => p.RecordType is null && (p.Requirements.Count > 0 || SignedInOnly.ContainsKey(p.Key))))
        foreach (var caller in callers.Where(c => Permitted(c, probe)))
        {
            var answer = await SendAsync(caller.Client, probe, null);
            if (answer.Status is 401 or 403) failures.Add($"{caller.Name} holds {probe.Needs}: {probe.Key} → {answer}");
        }
        var recordProbes = probes.Where(p => p.RecordType is not null).ToList();
        foreach (var probe in recordProbes)
        foreach (var caller in callers.Where(c => Permitted(c, probe)))
            randomAnswers[(probe.Key, caller.Name)] = await SendAsync(caller.Client, probe, null);
        // An export answers its owner only; the others get what an unknown id gets.
        foreach (var probe in recordProbes.Where(p => p.RecordType == ExportJob))
        foreach (var caller in callers.Where(c => Permitted(c, probe)))
        {
            var random = randomAnswers[(probe.Key, caller.Name)];
            var answer = await SendAsync(caller.Client, probe, records[ExportJob].Id);
            if (caller.Name != ExportOwner && answer != random)
                failures.Add($"{caller.Name} {probe.Key} on {ExportOwner}'s export answered {answer}, an unknown id {random}");
            else if (caller.Name == ExportOwner && (answer.Status is 401 or 403 || answer == random))
                failures.Add($"{caller.Name} {probe.Key} on their own export answered {answer}");
        }
        recordProbes.RemoveAll(p => p.RecordType == ExportJob);
        records.Remove(ExportJob);
        foreach (var unitCode in UnitCodes)
        {
            var unit = units[unitCode];
            foreach (var type in records.Keys.ToList()) await MoveAsync(app, records, type, unit.Id, units);
            foreach (var probe in recordProbes)
            foreach (var caller in callers.Where(c => Permitted(c, probe)))
            {
                var random = randomAnswers[(probe.Key, caller.Name)];
                var answer = await SendAsync(caller.Client, probe, records[probe.RecordType!].Id);
                var rule = Different.FirstOrDefault(d => probe.Key.StartsWith(d.Key, StringComparison.Ordinal) && d.Value.Applies(caller)).Value.Rule;
                var inScope = rule switch
                {
                    Rule.NotTheirs => false,
                    Rule.TheirEnterprise => true,
                    Rule.SubtreeAndAncestors => unit.Path.StartsWith(caller.UnitPath, StringComparison.Ordinal) || caller.UnitPath.StartsWith(unit.Path, StringComparison.Ordinal),
                    _ => unit.Path.StartsWith(caller.UnitPath, StringComparison.Ordinal),
                };
                var cell = $"{caller.Name} ({caller.UnitPath}) {probe.Key} on a record in {unitCode}";
                if (!inScope && answer != random)
                    failures.Add($"{cell}: outside the subtree answered {answer}, an unknown id {random}");
                // With a second id (an attachment that does not exist) "not found" is the right answer inside the subtree too.
                else if (inScope && (answer.Status is 401 or 403 || (random.Status == 404 && answer == random && !probe.HasSubRecord)))
                    failures.Add($"{cell}: inside the subtree answered {answer}");
            }
        }
        failures.AddRange(await AnotherEnterprisesRequestAsync(app, records["DeskRequest"].Id, recordProbes.Where(p => p.Key.Contains("/portal/requests/{id}", StringComparison.Ordinal)),
            callers.Single(c => c.Name == "demo.enterpriseuser"), randomAnswers, SendAsync));
        foreach (var (type, unitId) in original.Where(o => records.ContainsKey(o.Key))) await MoveAsync(app, records, type, unitId, units);

        failures.ShouldBeEmpty($"{requests} requests");
    }

    private static bool Permitted(Caller caller, Probe probe) => probe.Requirements.All(r => r.Any(caller.Permissions.Contains));

    private static Guid RandomIdOf(Probe probe) => StableId(probe.Key);

    private static Guid StableId(string seed) => new(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));

    [GeneratedRegex(@"\{(?<name>[^}:?]+)(?<constraint>:[^}?]+)?\??\}")]
    private static partial Regex RouteParameter();

    private static (List<Probe> Probes, List<string> Unclassified) Probes(MediationAppFactory app, PermissionCatalog catalog)
    {
        var probes = new List<Probe>();
        var unclassified = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true))
        {
            var route = RouteParameter().Replace(endpoint.RoutePattern.RawText!, m => "{" + m.Groups["name"].Value + "}");
            // A named policy is one permission; a policy built in place (RequireClaim of several permissions) is any one of them.
            var requirements = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()
                .Select(p => (IReadOnlyList<string>)[p])
                .Concat(endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().SelectMany(p => p.Requirements)
                    .OfType<Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement>()
                    .Where(r => r.ClaimType == MediationClaimTypes.Permission).Select(r => (IReadOnlyList<string>)[.. r.AllowedValues ?? []]))
                .ToList();
            var policies = requirements.SelectMany(r => r).ToList();
            var authorized = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var key = $"{method} {route}";
                var idAt = route.IndexOf("{id}", StringComparison.Ordinal);
                string? recordType = null;
                if (idAt >= 0 && !RecordOfRoute.TryGetValue(route[..(idAt + 4)], out recordType))
                    unclassified.Add($"{key}: no RecordOfRoute row for {route[..(idAt + 4)]}");
                if (policies.Any(p => !catalog.Names.Contains(p)))
                    unclassified.Add($"{key}: policy {string.Join(", ", policies.Where(p => !catalog.Names.Contains(p)))} is not a declared permission");
                if (anonymous != Anonymous.ContainsKey(key))
                    unclassified.Add(anonymous ? $"{key}: open to anyone without a row in Anonymous" : $"{key}: has a row in Anonymous but requires sign-in");
                else if (!anonymous && policies.Count == 0 && !SignedInOnly.ContainsKey(key))
                    unclassified.Add(authorized ? $"{key}: signed-in only, no permission" : $"{key}: no authorization metadata at all");
                else if (policies.Count > 0 && SignedInOnly.ContainsKey(key))
                    unclassified.Add($"{key}: has a permission now; drop its row in SignedInOnly");
                // Other route values name sub-records or keys that do not exist: a fixed value per endpoint, so the answers compare.
                var template = RouteParameter().Replace(endpoint.RoutePattern.RawText!, m =>
                    m.Groups["name"].Value == "id" ? "{id}"
                    : m.Groups["constraint"].Value.StartsWith(":guid", StringComparison.Ordinal) ? StableId(key + m.Value).ToString()
                    : m.Groups["constraint"].Value.StartsWith(":int", StringComparison.Ordinal) ? (m.Groups["name"].Value == "year" ? "2026" : "1")
                    : "x");
                probes.Add(new Probe(method, route, key, requirements, recordType, template));
            }
        }
        // Endpoints that change the caller's own account are classified above but not called.
        return (probes.Where(p => !SignedInOnly.TryGetValue(p.Key, out var row) || row.Call).ToList(), unclassified);
    }

    private sealed record Unit(Guid Id, string Path);

    private static async Task<Dictionary<string, Unit>> UnitsAsync(MediationAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return await db.Set<OrgUnit>().ToDictionaryAsync(u => u.Code, u => new Unit(u.Id, u.Path));
    }

    private static async Task<Caller> CallerAsync(MediationAppFactory app, string userName, string role, PermissionCatalog catalog, Dictionary<string, Unit> units)
    {
        var client = await app.ClientAsAsync(userName);
        var me = await (await client.GetAsync("/api/auth/me")).ReadJsonAsync();
        var granted = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal);
        // The expectations come from the declared defaults; the account must hold exactly those.
        var declared = catalog.Definitions.Where(d => d.DefaultRoles.Contains(role)).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        granted.SetEquals(declared).ShouldBeTrue($"{userName} holds {string.Join(", ", granted.Order())}; declared for {role}: {string.Join(", ", declared.Order())}");
        var unitId = me.GetProperty("orgUnitId").GetGuid();
        return new Caller(userName, me.GetProperty("id").GetGuid(), client, unitId, units.Values.Single(u => u.Id == unitId).Path, declared);
    }

    /// <summary>The portal's other side: the same request, made another enterprise's, answers the enterprise user like an unknown id.</summary>
    private static async Task<List<string>> AnotherEnterprisesRequestAsync(MediationAppFactory app, Guid requestId, IEnumerable<Probe> portalProbes, Caller enterpriseUser,
        Dictionary<(string, string), Answer> randomAnswers, Func<HttpClient, Probe, Guid?, Task<Answer>> send)
    {
        async Task<Guid> SetEnterpriseAsync(Func<MediationDbContext, Task<Guid>> enterprise)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var requests = db.Set<Mediation.ServiceDesk.Domain.DeskRequest>().IgnoreQueryFilters().Where(r => r.Id == requestId);
            var before = await requests.Select(r => r.EnterpriseId).SingleAsync();
            var after = await enterprise(db);
            await requests.ExecuteUpdateAsync(u => u.SetProperty(r => r.EnterpriseId, after));
            return before;
        }

        var own = await SetEnterpriseAsync(db => db.Set<Mediation.ServiceDesk.Domain.Enterprise>().IgnoreQueryFilters()
            .Where(e => !e.Members.Any(m => m.UserId == enterpriseUser.UserId)).Select(e => e.Id).FirstAsync());
        var failures = new List<string>();
        foreach (var probe in portalProbes.Where(p => Permitted(enterpriseUser, p)))
        {
            var answer = await send(enterpriseUser.Client, probe, requestId);
            if (answer != randomAnswers[(probe.Key, enterpriseUser.Name)])
                failures.Add($"{enterpriseUser.Name} {probe.Key} on another enterprise's request answered {answer}, an unknown id {randomAnswers[(probe.Key, enterpriseUser.Name)]}");
        }
        await SetEnterpriseAsync(_ => Task.FromResult(own));
        return failures;
    }

    private sealed record ProbeRecord(Guid Id, Guid UnitId);

    /// <summary>One record of each kind the id routes name: the first of the demo data, or one made here where the demo has none to spare.</summary>
    private static async Task<Dictionary<string, ProbeRecord>> ProbeRecordsAsync(MediationAppFactory app, IReadOnlyList<string> types)
    {
        var records = new Dictionary<string, ProbeRecord>(StringComparer.Ordinal);
        var admin = await app.ClientAsAsync("demo.systemadmin");
        var taishan = await app.UnitIdAsync("370902");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        foreach (var type in types)
        {
            if (type == nameof(OrgUnit))
            {
                records[type] = new ProbeRecord(taishan, taishan);
                continue;
            }
            Guid? id;
            if (type == ExportJob)
            {
                var export = await (await app.ClientAsAsync(ExportOwner)).PostAsync("/api/exports",
                    new StringContent("{\"kind\":\"joint-meetings.register\",\"parameters\":{}}", Encoding.UTF8, "application/json"));
                export.IsSuccessStatusCode.ShouldBeTrue(await export.Content.ReadAsStringAsync());
                records[type] = new ProbeRecord((await export.ReadJsonAsync()).GetProperty("id").GetGuid(), Guid.Empty);
                continue;
            }
            if (type == "AppUser")
            {
                // Not a demo account: the matrix deactivates it, and the demo accounts are its callers.
                var created = await admin.PostJsonAsync("/api/identity/users", new Mediation.Identity.CreateUserInput(
                    "matrix" + Guid.NewGuid().ToString("N")[..8], "矩阵探针", "Strong-Pass-2026", taishan, [RoleNames.Statistician], null, null));
                created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
                id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
            }
            else
            {
                if (type == "Notice")
                {
                    // The demo raises no in-app notice before a deadline nears.
                    db.Add(new Mediation.Core.Notifications.Domain.Notice(Guid.CreateVersion7(), Mediation.Core.Notifications.Domain.NoticeChannel.InApp, taishan, null, "test",
                        "矩阵探针通知", "正文", null, DateTimeOffset.UtcNow, "/Deadlines"));
                    await db.SaveChangesAsync();
                }
                var clr = db.Model.GetEntityTypes().Single(t => t.ClrType.Name == type && typeof(IOrgScoped).IsAssignableFrom(t.ClrType)).ClrType;
                id = type switch
                {
                    // A window the demo advisor serves, and a request of the demo enterprise user's enterprise: their own, so the answers can differ.
                    "LegalWindow" => await db.Set<Mediation.LegalWindows.Domain.LegalWindow>().IgnoreQueryFilters()
                        .Where(w => w.Advisors.Any(a => db.Set<Mediation.LegalWindows.Domain.LegalAdvisor>().IgnoreQueryFilters()
                            .Any(l => l.Id == a.AdvisorId && l.UserId == db.Set<Mediation.Identity.AppUser>().IgnoreQueryFilters().Where(u => u.UserName == "demo.legaladvisor").Select(u => u.Id).Single())))
                        .Select(w => (Guid?)w.Id).FirstOrDefaultAsync(),
                    "DeskRequest" => await db.Set<Mediation.ServiceDesk.Domain.DeskRequest>().IgnoreQueryFilters()
                        .Where(r => db.Set<Mediation.ServiceDesk.Domain.Enterprise>().IgnoreQueryFilters().Any(e => e.Id == r.EnterpriseId
                            && e.Members.Any(m => m.UserId == db.Set<Mediation.Identity.AppUser>().IgnoreQueryFilters().Where(u => u.UserName == "demo.enterpriseuser").Select(u => u.Id).Single())))
                        .OrderBy(r => r.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
                    _ => await (Task<Guid?>)Generic(nameof(FirstIdAsync), clr).Invoke(null, [db])!,
                };
            }
            id.ShouldNotBeNull($"no {type} row to probe: the demo data must hold one");
            records[type] = new ProbeRecord(id.Value, await UnitOfAsync(db, type, id.Value));
        }
        return records;
    }

    private static System.Reflection.MethodInfo Generic(string name, Type type) =>
        typeof(AuthorizationMatrix_Tests).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type);

    private static async Task<Guid> UnitOfAsync(MediationDbContext db, string type, Guid id)
    {
        var clr = db.Model.GetEntityTypes().Single(t => t.ClrType.Name == type && typeof(IOrgScoped).IsAssignableFrom(t.ClrType)).ClrType;
        return await (Task<Guid>)Generic(nameof(UnitOfRowAsync), clr).Invoke(null, [db, id])!;
    }

    private static Task<Guid?> FirstIdAsync<T>(MediationDbContext db) where T : class, IOrgScoped =>
        db.Set<T>().IgnoreQueryFilters().OrderBy(e => EF.Property<Guid>(e, "Id")).Select(e => (Guid?)EF.Property<Guid>(e, "Id")).FirstOrDefaultAsync();

    private static Task<Guid> UnitOfRowAsync<T>(MediationDbContext db, Guid id) where T : class, IOrgScoped =>
        db.Set<T>().IgnoreQueryFilters().Where(e => EF.Property<Guid>(e, "Id") == id).Select(e => EF.Property<Guid>(e, nameof(IOrgScoped.OrgUnitId))).SingleAsync();

    private static Task<int> MoveRowAsync<T>(MediationDbContext db, Guid id, Guid unitId) where T : class, IOrgScoped =>
        db.Set<T>().IgnoreQueryFilters().Where(e => EF.Property<Guid>(e, "Id") == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<Guid>(e, nameof(IOrgScoped.OrgUnitId)), unitId));

    /// <summary>Moves the probe record of <paramref name="type"/> into the unit (an org unit's probe is the unit itself) and answers its id.</summary>
    private static async Task<Guid> MoveAsync(MediationAppFactory app, Dictionary<string, ProbeRecord> records, string type, Guid unitId, Dictionary<string, Unit> units)
    {
        var record = records[type];
        if (type == nameof(OrgUnit))
        {
            records[type] = new ProbeRecord(unitId, unitId);
            return unitId;
        }
        if (record.UnitId != unitId)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var clr = db.Model.GetEntityTypes().Single(t => t.ClrType.Name == type && typeof(IOrgScoped).IsAssignableFrom(t.ClrType)).ClrType;
            (await (Task<int>)Generic(nameof(MoveRowAsync), clr).Invoke(null, [db, record.Id, unitId])!).ShouldBe(1);
            records[type] = record with { UnitId = unitId };
        }
        return record.Id;
    }
}

/// <summary>A host on a fresh SQLite file with the demo's cases and petitions, for the matrix's probe records.</summary>
public sealed class DemoRecordsSqliteApp() : SqliteApp(new MediationAppFactory(Mediation.Core.Data.DatabaseProvider.Sqlite,
    settings: new Dictionary<string, string?> { [Mediation.Core.Modularity.DemoActor.RecordsSetting] = "true" }));

public sealed class AuthorizationMatrix_Tests_on_Sqlite(DemoRecordsSqliteApp app) : AuthorizationMatrix_Tests, IClassFixture<DemoRecordsSqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class AuthorizationMatrix_Tests_on_PostgreSql(PostgresCluster cluster) : AuthorizationMatrix_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), settings: WithDemoRecords);
}
