using System.Globalization;
using System.Security.Claims;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.ServiceDesk;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>The read contract a joint meeting uses to show a linked request's state now, under the caller's scope.</summary>
public abstract class DeskRequestStatusReader_Tests : ProviderTests
{
    /// <summary>Reads through the contract with the services of one request signed in as <paramref name="userName"/>.</summary>
    private async Task<IReadOnlyList<DeskRequestStatusDto>> ReadAsAsync(string userName, params Guid[] ids)
    {
        var app = await AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var user = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.UserName == userName);
        var unit = await db.Set<OrgUnit>().AsNoTracking().SingleAsync(u => u.Id == user.OrgUnitId);
        var identity = new ClaimsIdentity(
        [
            new Claim(MediationClaimTypes.UserId, user.Id.ToString()), new Claim(MediationClaimTypes.UserName, userName),
            new Claim(MediationClaimTypes.OrgUnitId, unit.Id.ToString()), new Claim(MediationClaimTypes.OrgUnitPath, unit.Path),
        ], "test", MediationClaimTypes.UserName, ClaimTypes.Role);
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IDeskRequestStatusReader>().FindAsync(ids, CancellationToken.None);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [Fact]
    public async Task A_linked_request_reads_with_its_status_unit_and_due_date_and_only_where_the_caller_may_see_it()
    {
        var app = await AppAsync();
        var (_, enterprise, enterpriseUser) = await EnterpriseAsync(app);
        var officer = await app.ClientAsAsync(Officer);
        var waiting = await FileAsync(enterprise, RequestKind.PolicyConsultation);
        var taken = await TakeAsync(officer, await FileAsync(enterprise));

        var read = await ReadAsAsync(Officer, waiting.Id, taken.Id, Guid.NewGuid());
        read.Count.ShouldBe(2);
        var open = read.Single(r => r.Id == taken.Id);
        (open.Number, open.Title, open.Status, open.StatusText, open.Handled, open.Owner).ShouldBe(
            (taken.Number, taken.Title, RequestStatus.InHandling, "办理中", false, (string?)"演示接诉即办窗口人员"));
        open.HandlingUnit.ShouldBe("肥城市");
        (open.DueOn, open.DueAt, open.ConcludedAt).ShouldBe((taken.FeedbackDueOn, taken.FeedbackDueAt, (DateTimeOffset?)null));
        var unassigned = read.Single(r => r.Id == waiting.Id);
        (unassigned.StatusText, unassigned.DueAt).ShouldBe(("待受理", (DateTimeOffset?)waiting.AcknowledgementDueAt));

        var transferred = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/transfer",
            new TransferInput(null, "肥城市住房和城乡建设局", "工程款拨付属住建部门职责", taken.ConcurrencyStamp)));
        await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("住建局已督促总包方支付", transferred.ConcurrencyStamp)));
        var concluded = (await ReadAsAsync(Officer, taken.Id)).ShouldHaveSingleItem();
        (concluded.Status, concluded.StatusText, concluded.Handled, concluded.HandlingUnit, concluded.DueOn).ShouldBe(
            (RequestStatus.Concluded, "已办结待评价", true, "肥城市住房和城乡建设局", (DateOnly?)null));
        concluded.ConcludedAt.ShouldNotBeNull();

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            (await ReadAsAsync(Officer, taken.Id)).ShouldHaveSingleItem().StatusText.ShouldBe("Concluded, awaiting rating");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // 泰山区 staff are outside 肥城's subtree; an enterprise account lives in the desk's unit but reads nothing through the contract.
        (await ReadAsAsync("demo.coordinator", taken.Id)).ShouldBeEmpty();
        (await ReadAsAsync(enterpriseUser, taken.Id, waiting.Id)).ShouldBeEmpty();
        (await ReadAsAsync("demo.coordinator.taian", taken.Id)).ShouldHaveSingleItem();
    }
}

public sealed class DeskRequestStatusReader_Tests_on_Sqlite(SqliteApp app) : DeskRequestStatusReader_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class DeskRequestStatusReader_Tests_on_PostgreSql(PostgresCluster cluster) : DeskRequestStatusReader_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
