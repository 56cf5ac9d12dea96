using System.Net;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>The Petitions pages through the real pipeline: permissions, data scope, the "due soon first" queue, duplicate checks, English.</summary>
public abstract partial class PetitionsPages_Tests : ProviderTests
{
    private const string Officer = "demo.petitionofficer";
    private const string IdCard = "11010519491231002X";
    private const string Matter = "邻居李某在宅基地上翻建院墙，越过了两家宅基地界址，占用本户宅基地约一米宽。";

    private static RegisterPetitionInput Visit(string matter, string name = "王某某", string? idCard = IdCard) => new(
        PetitionChannel.Visit, DateTimeOffset.UtcNow.AddHours(-1), null, [new PetitionerInput(name, idCard, "13800138000", "岱东社区 3 号")],
        matter, "恢复宅基地界址", "岱东社区", null, null, null, null);

    private async Task<PetitionDto> RegisteredAsync(RegisterPetitionInput input)
    {
        var response = await (await ClientAsync(userName: Officer)).PostJsonAsync("/api/petitions", input);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PetitionDto>();
    }

    [Fact]
    public async Task A_statistician_reads_the_queue_and_the_detail_but_may_not_register_or_act()
    {
        var registered = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise));
        var statistician = await ClientAsync(userName: "demo.statistician");

        var html = WebUtility.HtmlDecode(await statistician.GetStringAsync("/Petitions"));
        html.ShouldContain(registered.Number);
        html.ShouldContain("<a href=\"/Petitions\">信访事项</a>");
        html.ShouldContain("王＊＊");
        html.ShouldNotContain("/Petitions/Register");

        var detail = WebUtility.HtmlDecode(await statistician.GetStringAsync($"/Petitions/{registered.Id}"));
        detail.ShouldContain("1101**********002X");
        detail.ShouldNotContain(IdCard);
        detail.ShouldNotContain("不予受理");

        (await statistician.GetAsync("/Petitions/Register")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await statistician.PostAsync("/Petitions/Register", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_officer_of_another_county_gets_not_found_for_the_petition()
    {
        var registered = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise));
        var daiyue = await ForeignPetitionOfficer.ClientAsync(await AppAsync());

        (await daiyue.GetAsync($"/Petitions/{registered.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notice = registered.Notices.Count > 0 ? registered.Notices[0].DocumentId : Guid.NewGuid();
        (await daiyue.GetAsync($"/Petitions/{registered.Id}?handler=Notice&documentId={notice}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await daiyue.GetStringAsync("/Petitions")).ShouldNotContain(registered.Id.ToString());
    }

    [Fact]
    public async Task An_officer_records_an_unclear_address_on_the_detail_page_and_the_acceptance_clock_starts()
    {
        var unclear = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise, "孙某某", null) with
        {
            Petitioners = [new PetitionerInput("孙某某", null, null, null)], NameOrAddressUnclear = true,
        });
        unclear.Clocks.ShouldBeEmpty();
        var officer = await ClientAsync(userName: Officer);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Petitions/{unclear.Id}"));
        page.ShouldContain("登记信访人姓名、住址");
        page.ShouldContain("第二十三条第二款");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var response = await officer.PostAsync($"/Petitions/{unclear.Id}?handler=Details", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ConcurrencyStamp"] = unclear.ConcurrencyStamp, ["Details.Address"] = "岱东社区 8 号",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK); // the redirect back to the detail page, followed
        var after = await (await officer.GetAsync($"/api/petitions/{unclear.Id}")).ReadAsync<PetitionDto>();
        after.Clocks.ShouldHaveSingleItem().Policy.ShouldBe("petition.acceptance-notice");
        after.Petitioners[0].Address.ShouldBe("岱东社区 8 号");
    }

    [Theory]
    [InlineData("岱东社区\u001b8 号", "", "文本包含无效字符。")]
    [InlineData("岱东社区\u00078 号", "&culture=en&ui-culture=en", "The text contains invalid characters.")]
    public async Task A_form_text_with_a_control_character_is_refused_beside_its_field_and_nothing_is_written(string address, string culture, string message)
    {
        var unclear = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise) with
        {
            Petitioners = [new PetitionerInput("孙某某", null, null, null)], NameOrAddressUnclear = true,
        });
        var officer = await ClientAsync(userName: Officer);
        var token = AntiforgeryToken().Match(await officer.GetStringAsync($"/Petitions/{unclear.Id}")).Groups[1].Value;

        var response = await officer.PostAsync($"/Petitions/{unclear.Id}?handler=Details{culture}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ConcurrencyStamp"] = unclear.ConcurrencyStamp, ["Details.Address"] = address,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await response.Content.ReadAsStringAsync()).ShouldContain(message);
        var after = await (await officer.GetAsync($"/api/petitions/{unclear.Id}")).ReadAsync<PetitionDto>();
        (after.Petitioners[0].Address, after.ConcurrencyStamp).ShouldBe((null, unclear.ConcurrencyStamp));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_told_to_reload_and_nothing_is_saved()
    {
        var unclear = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise, "孙某某", null) with
        {
            Petitioners = [new PetitionerInput("孙某某", null, null, null)], NameOrAddressUnclear = true,
        });
        var officer = await ClientAsync(userName: Officer);
        HttpRequestMessage Post(string accept) => new(HttpMethod.Post, $"/Petitions/{unclear.Id}?handler=Details")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ConcurrencyStamp"] = unclear.ConcurrencyStamp, ["Details.Address"] = "岱东社区 8 号" }),
            Headers = { { "Accept", accept } },
        };

        var browser = await officer.SendAsync(Post("text/html,application/xhtml+xml"));
        browser.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        browser.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = WebUtility.HtmlDecode(await browser.Content.ReadAsStringAsync());
        page.ShouldContain("表单已过期或缺少安全令牌，未保存任何内容。请刷新页面后重新提交。");
        page.ShouldContain($"<a href=\"/Petitions/{unclear.Id}?handler=Details\">重新打开表单</a>");
        var client = await officer.SendAsync(Post("application/json"));
        client.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.FormTokenMissing);

        var after = await (await officer.GetAsync($"/api/petitions/{unclear.Id}")).ReadAsync<PetitionDto>();
        (after.ConcurrencyStamp, after.Petitioners[0].Address).ShouldBe((unclear.ConcurrencyStamp, null));
    }

    [Fact]
    public async Task The_queue_lists_the_petition_due_soonest_first()
    {
        var app = await AppAsync();
        // Registered first, so the newest-first tie-break alone would list it last.
        var soon = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise, "赵某某", null));
        var later = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise, "钱某某", null));
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var dueAt = new DateTimeOffset(today.AddDays(-2).ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8)).ToUniversalTime();
            (await db.Set<DeadlineClock>().Where(c => c.RecordId == soon.Id && c.PolicyName == "petition.acceptance-notice")
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.DueDate, today.AddDays(-2)).SetProperty(c => c.DueAt, dueAt))).ShouldBe(1);
        }

        var html = WebUtility.HtmlDecode(await (await ClientAsync(userName: Officer)).GetStringAsync("/Petitions"));
        var main = html.IndexOf("<main", StringComparison.Ordinal); // the header's notices may name a petition too
        var first = html.IndexOf(soon.Number, main, StringComparison.Ordinal);
        var second = html.IndexOf(later.Number, main, StringComparison.Ordinal);
        first.ShouldBeGreaterThanOrEqualTo(0);
        second.ShouldBeGreaterThan(first);
        html.ShouldContain("已超期 2 天");
        html.ShouldContain("剩余 ");

        var filtered = WebUtility.HtmlDecode(await (await ClientAsync(userName: Officer)).GetStringAsync("/Petitions?status=Accepted"));
        filtered.ShouldNotContain(soon.Number);
    }

    [Fact]
    public async Task A_submit_with_an_unseen_likely_duplicate_is_held_back_and_a_repeat_is_linked_instead()
    {
        var open = await RegisteredAsync(Visit(Matter));
        var officer = await ClientAsync(userName: Officer);
        var token = AntiforgeryToken().Match(await officer.GetStringAsync("/Petitions/Register")).Groups[1].Value;
        Dictionary<string, string> Form() => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Channel"] = "Phone",
            ["Form.Petitioners[0].Name"] = "王某某",
            ["Form.Petitioners[0].Phone"] = "13800138000",
            ["Form.Matter"] = Matter,
        };

        var hints = WebUtility.HtmlDecode(await (await officer.PostAsync("/Petitions/Register?handler=Duplicates", new FormUrlEncodedContent(Form()))).Content.ReadAsStringAsync());
        hints.ShouldContain(open.Number);
        hints.ShouldContain("同一信访人");

        var held = await officer.PostAsync("/Petitions/Register", new FormUrlEncodedContent(Form()));
        held.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await held.Content.ReadAsStringAsync());
        html.ShouldContain("发现可能重复的信访事项");
        html.ShouldContain($"属于 {open.Number} 的重复信访");

        var linked = Form();
        linked["Form.RepeatOfPetitionId"] = open.Id.ToString();
        var response = await officer.PostAsync("/Petitions/Register", new FormUrlEncodedContent(linked));
        // The PRG redirect left the form (the test client does not carry its sign-in across redirects, so the page is read anew).
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldNotBe("/Petitions/Register", Errors(await response.Content.ReadAsStringAsync()));
        var repeatId = (await (await officer.GetAsync($"/api/petitions/{open.Id}")).ReadAsync<PetitionDto>()).RepeatIds.ShouldHaveSingleItem();
        var detail = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Petitions/{repeatId}"));
        detail.ShouldContain("重复信访（已关联）");
        detail.ShouldContain($"/Petitions/{open.Id}");
    }

    [Fact]
    public async Task A_refused_step_is_explained_next_to_its_field_and_changes_nothing()
    {
        var registered = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise));
        var officer = await ClientAsync(userName: Officer);
        var page = await officer.GetStringAsync($"/Petitions/{registered.Id}");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;

        var response = await officer.PostAsync($"/Petitions/{registered.Id}?handler=NotAccept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ConcurrencyStamp"] = registered.ConcurrencyStamp, ["NotAccept.Reasons"] = "",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"not-accept-reasons-error\"");

        response = await officer.PostAsync($"/Petitions/{registered.Id}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ConcurrencyStamp"] = "stale", ["Accept.Category"] = "Grievance", ["Accept.Route"] = "Handling",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("role=\"alert\"");
        (await (await officer.GetAsync($"/api/petitions/{registered.Id}")).ReadAsync<PetitionDto>()).Status.ShouldBe(PetitionStatus.Registered);

        (await officer.PostAsync($"/Petitions/{registered.Id}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ConcurrencyStamp"] = registered.ConcurrencyStamp,
        }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_pages_speak_English_when_asked()
    {
        var registered = await RegisteredAsync(Visit(PetitionTextSimilarity_Tests.Noise));
        var officer = await ClientAsync(userName: Officer);

        var list = WebUtility.HtmlDecode(await officer.GetStringAsync("/Petitions?culture=en&ui-culture=en"));
        list.ShouldContain("My petition queue");
        list.ShouldContain("<a href=\"/Petitions\">Petitions</a>");
        list.ShouldContain("Acceptance decision (15 days)");
        var detail = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Petitions/{registered.Id}?culture=en&ui-culture=en"));
        detail.ShouldContain("Timeline");
        detail.ShouldContain("Do not accept");
        WebUtility.HtmlDecode(await officer.GetStringAsync("/Petitions/Register?culture=en&ui-culture=en")).ShouldContain("Citizen ID number");
    }

    private static string Errors(string html) =>
        string.Join(" | ", ErrorText().Matches(WebUtility.HtmlDecode(html)).Select(m => m.Groups[1].Value));

    [GeneratedRegex("(?:role=\"alert\"|class=\"field-error\"[^>]*)>([^<]+)<")]
    private static partial Regex ErrorText();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class PetitionsPages_Tests_on_Sqlite(SqliteApp app) : PetitionsPages_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class PetitionsPages_Tests_on_PostgreSql(PostgresCluster cluster) : PetitionsPages_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
