using System.Net;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Web.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>The host starts in Development, where ASP.NET Core validates scopes and every registration at build time.</summary>
public sealed class DevelopmentApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite) { Environment = "Development", ValidateServices = true });

public sealed class DevelopmentHost_Tests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    private readonly MediationAppFactory _app = app.Factory;

    [Fact]
    public async Task The_host_builds_with_scope_validation_and_audits_each_denial_with_its_own_user()
    {
        (await _app.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        Guid taishan;
        await using (var lookup = _app.Services.CreateAsyncScope())
            taishan = await lookup.ServiceProvider.GetRequiredService<MediationDbContext>().Set<OrgUnit>().Where(u => u.Code == "370902").Select(u => u.Id).SingleAsync();
        foreach (var user in new[] { "demo.mediator", "demo.petitionofficer" })
        {
            var client = await _app.ClientAsAsync(user);
            var response = await client.PostJsonAsync("/api/org-units",
                new CreateOrgUnitInput(taishan, "X" + Guid.NewGuid().ToString("N")[..8], "越权街道", OrgUnitKind.Township, 0));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var denied = await db.Set<AuditEntry>().Where(a => a.Action == AuditActions.PermissionDenied).Select(a => a.UserName).ToListAsync();
        denied.ShouldBe(["demo.mediator", "demo.petitionofficer"], ignoreOrder: true);
    }
}
