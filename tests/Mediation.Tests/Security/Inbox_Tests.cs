using System.Net;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.Notifications.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// A unit's notices are read by its staff: in the header (unread count, the latest, opened → read → the record's page), on
/// /Notices and through the API — never by an enterprise's portal account, which belongs to the desk's unit (issue 12, 20 item 5).
/// </summary>
public abstract partial class Inbox_Tests : ProviderTests
{
    private static async Task<Guid> NoticeAsync(MediationAppFactory app, Guid unitId, string subject, string? link)
    {
        var id = Guid.CreateVersion7();
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            db.Add(new Notice(id, NoticeChannel.InApp, unitId, null, "test", subject, "正文：" + subject, null, DateTimeOffset.UtcNow, link));
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task An_enterprise_portal_account_cannot_read_the_inbox_of_the_desks_unit_it_belongs_to()
    {
        var app = await AppAsync();
        var feicheng = await app.UnitIdAsync("370983");
        await NoticeAsync(app, feicheng, "【催办】肥城接诉受〔2026〕1号", null);

        var officer = await ClientAsync(userName: "demo.deskofficer");
        (await officer.GetAsync($"/api/notifications/inbox?orgUnitId={feicheng}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var enterprise = await ClientAsync(userName: "demo.enterpriseuser");
        (await enterprise.GetAsync($"/api/notifications/inbox?orgUnitId={feicheng}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await enterprise.GetAsync("/Notices")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await enterprise.GetStringAsync("/")).ShouldNotContain("notices-bell");
    }

    [Fact]
    public async Task The_header_counts_the_units_unread_notices_and_opening_one_marks_it_read_and_goes_to_its_record()
    {
        var app = await AppAsync();
        var taishan = await app.UnitIdAsync("370902");
        var subject = $"【提醒】调解案件泰山调〔2026〕{Random.Shared.Next(1000, 9999)}号";
        var noticeId = await NoticeAsync(app, taishan, subject, "/Deadlines");
        var hostile = await NoticeAsync(app, taishan, subject + "（外链）", "//evil.example/x");
        // No redirects followed: the Location is what is checked (and the test client drops the sign-in across a redirect).
        var coordinator = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        coordinator.DefaultRequestHeaders.Authorization = (await ClientAsync(userName: "demo.coordinator")).DefaultRequestHeaders.Authorization;

        var home = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/"));
        var unread = int.Parse(UnreadCount().Match(home).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        unread.ShouldBeGreaterThanOrEqualTo(2);
        home.ShouldContain(subject);

        var token = Token().Match(home).Groups[1].Value;
        var opened = await coordinator.PostAsync($"/Notices?handler=Open&id={noticeId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        opened.Headers.Location!.OriginalString.ShouldBe("/Deadlines");
        var after = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/"));
        int.Parse(UnreadCount().Match(after).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(unread - 1);

        // A link that leaves the site is not followed: the notice list is shown instead.
        var away = await coordinator.PostAsync($"/Notices?handler=Open&id={hostile}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        away.Headers.Location!.OriginalString.ShouldBe("/Notices");

        var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Notices?unreadOnly=true"));
        list.ShouldNotContain(subject + "<");
        (await coordinator.GetStringAsync("/Notices")).ShouldContain(noticeId.ToString());
    }

    [GeneratedRegex("通知（(\\d+)条未读）")]
    private static partial Regex UnreadCount();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class Inbox_Tests_on_Sqlite(SqliteApp app) : Inbox_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class Inbox_Tests_on_PostgreSql(PostgresCluster cluster) : Inbox_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
