using System.Net;
using Mediation.Web.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Domain;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Api;

public abstract class OrgUnitApi_Tests : ProviderTests
{
    private static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<OrgUnitDto> Unit(HttpClient client, string code)
    {
        var all = await (await client.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>();
        return all.Single(u => u.Code == code);
    }

    private static async Task<OrgUnitDto> Create(HttpClient client, Guid? parentId, OrgUnitKind kind, string name)
    {
        var response = await client.PostJsonAsync("/api/org-units", new CreateOrgUnitInput(parentId, NewCode(), name, kind, 5));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.ReadAsync<OrgUnitDto>();
    }

    [Fact]
    public async Task The_demo_tree_holds_Taian_with_its_six_counties_and_named_towns()
    {
        var client = await ClientAsync(userName: "demo.petitionofficer.taian"); // 泰安市 sees the whole city
        var tree = await (await client.GetAsync("/api/org-units/tree")).ReadAsync<List<OrgUnitTreeNodeDto>>();

        var taian = tree.ShouldHaveSingleItem();
        taian.Name.ShouldBe("泰安市");
        taian.Children.Where(c => c.Code.StartsWith("3709", StringComparison.Ordinal) && c.Code.Length == 6).Select(c => c.Name)
            .ShouldBe(["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"], ignoreOrder: true);
        var taishan = taian.Children.Single(c => c.Name == "泰山区");
        taishan.Children.Select(c => c.Name).ShouldContain("岱庙街道");
        taishan.Children.Single(c => c.Name == "财源街道").Children.Select(c => c.Name).ShouldContain("东七里社区");
        taian.Children.Single(c => c.Name == "宁阳县").Children.Single(c => c.Name == "堽城镇").Children.Single().Name.ShouldBe("保安村");
    }

    [Fact]
    public async Task A_county_user_reads_its_own_subtree_and_the_units_above_it_but_not_a_sibling_county()
    {
        var daiyue = await (await AppAsync()).UnitIdAsync("370911");
        var daiyueTown = await (await AppAsync()).UnitIdAsync("370911001");
        foreach (var userName in new[] { "demo.systemadmin", "demo.mediator", "demo.petitionofficer.daimiao" })
        {
            var client = await ClientAsync(userName: userName);
            var tree = await (await client.GetAsync("/api/org-units/tree")).ReadAsync<List<OrgUnitTreeNodeDto>>();
            var taian = tree.ShouldHaveSingleItem();
            taian.Code.ShouldBe("370900");
            taian.Children.Select(c => c.Code).ShouldBe(["370902"], userName + " sees only its own county below the city");

            var listed = await (await client.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>();
            listed.Select(u => u.Code).ShouldContain("370900");
            listed.Select(u => u.Code).ShouldContain("370902");
            listed.ShouldNotContain(u => u.Code.StartsWith("370911", StringComparison.Ordinal) || u.Code == "370982");
            var city = await Unit(client, "370900");
            (await (await client.GetAsync($"/api/org-units?parentId={city.Id}")).ReadAsync<List<OrgUnitDto>>()).Select(u => u.Code).ShouldBe(["370902"]);

            foreach (var foreign in new[] { daiyue, daiyueTown })
            {
                var response = await client.GetAsync($"/api/org-units/{foreign}");
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, userName);
                (await response.Content.ReadAsStringAsync()).ShouldNotContain("岱岳");
            }
            (await client.GetAsync($"/api/org-units/{city.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the city above is the caller's own chain");
        }

        var daimiaoOfficer = await ClientAsync(userName: "demo.petitionofficer.daimiao");
        var daimiaoTree = (await (await daimiaoOfficer.GetAsync("/api/org-units/tree")).ReadAsync<List<OrgUnitTreeNodeDto>>()).Single().Children.Single();
        daimiaoTree.Children.Select(c => c.Code).ShouldBe(["370902001"], "a township officer sees neither the neighbouring streets nor other counties");
    }

    [Fact]
    public async Task Units_are_created_read_renamed_and_deleted()
    {
        var client = await ClientAsync();
        var taishan = await Unit(client, "370902");
        var town = await Create(client, taishan.Id, OrgUnitKind.Township, "测试街道");
        town.ParentId.ShouldBe(taishan.Id);
        town.Depth.ShouldBe(3);

        var renamed = await (await client.PutJsonAsync($"/api/org-units/{town.Id}", new UpdateOrgUnitInput("改名街道", null, null, town.ConcurrencyStamp)))
            .ReadAsync<OrgUnitDto>();
        renamed.Name.ShouldBe("改名街道");
        renamed.ConcurrencyStamp.ShouldNotBe(town.ConcurrencyStamp);

        var children = await (await client.GetAsync($"/api/org-units?parentId={taishan.Id}")).ReadAsync<List<OrgUnitDto>>();
        children.Select(u => u.Name).ShouldContain("改名街道");

        var deleted = await client.DeleteAsync($"/api/org-units/{town.Id}?concurrencyStamp={renamed.ConcurrencyStamp}");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/org-units/{town.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_read_is_a_409_conflict_and_changes_nothing()
    {
        var client = await ClientAsync();
        var taishan = await Unit(client, "370902");
        var county = await Create(client, taishan.Id, OrgUnitKind.Township, "甲街道");

        (await client.PutJsonAsync($"/api/org-units/{county.Id}", new UpdateOrgUnitInput("乙街道", null, null, county.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await client.PutJsonAsync($"/api/org-units/{county.Id}", new UpdateOrgUnitInput("丙街道", null, null, county.ConcurrencyStamp));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.ConcurrencyConflict);
        (await (await client.GetAsync($"/api/org-units/{county.Id}")).ReadAsync<OrgUnitDto>()).Name.ShouldBe("乙街道");
    }

    [Fact]
    public async Task A_taken_code_is_a_409_and_a_misplaced_level_a_422()
    {
        var client = await ClientAsync();
        var city = await Unit(client, "370900");

        var duplicate = await client.PostJsonAsync("/api/org-units", new CreateOrgUnitInput(city.Id, "370902", "重复", OrgUnitKind.County, 0));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(OrgUnitErrorCodes.CodeTaken);

        var grid = await Unit(client, "370902002001-01");
        var misplaced = await client.PostJsonAsync("/api/org-units", new CreateOrgUnitInput(grid.Id, NewCode(), "街道", OrgUnitKind.Township, 0));
        misplaced.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await misplaced.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(OrgUnitErrorCodes.ChildKindNotBelowParent);
        problem.GetProperty("title").GetString()!.ShouldContain("上级：网格，下级：乡镇街道");
    }

    [Fact]
    public async Task Moving_a_village_carries_its_grids_along()
    {
        var client = await ClientAsync();
        var daimiao = await Unit(client, "370902001");
        var caiyuan = await Unit(client, "370902002");
        var village = await Create(client, daimiao.Id, OrgUnitKind.Community, "迁移社区");
        var grid = await Create(client, village.Id, OrgUnitKind.Grid, "迁移网格");

        var moved = await client.PostJsonAsync($"/api/org-units/{village.Id}/move", new MoveOrgUnitInput(caiyuan.Id, village.ConcurrencyStamp));
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);

        var tree = await (await client.GetAsync("/api/org-units/tree")).ReadAsync<List<OrgUnitTreeNodeDto>>();
        var taishanNode = tree.Single().Children.Single(c => c.Code == "370902");
        taishanNode.Children.Single(c => c.Id == caiyuan.Id).Children.Single(c => c.Id == village.Id).Children.Single().Id.ShouldBe(grid.Id);
        taishanNode.Children.Single(c => c.Id == daimiao.Id).Children.ShouldNotContain(c => c.Id == village.Id);

        var movedVillage = await (await client.GetAsync($"/api/org-units/{village.Id}")).ReadAsync<OrgUnitDto>();
        var intoOwnChild = await client.PostJsonAsync($"/api/org-units/{village.Id}/move", new MoveOrgUnitInput(grid.Id, movedVillage.ConcurrencyStamp));
        intoOwnChild.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_issuing_body_is_set_cleared_back_to_the_unit_name_and_limited_to_sixty_characters()
    {
        var client = await ClientAsync();
        var taishan = await Unit(client, "370902");
        var town = await Create(client, taishan.Id, OrgUnitKind.Township, "发文街道");
        town.IssuingBodyName.ShouldBeNull();

        var named = await (await client.PutJsonAsync($"/api/org-units/{town.Id}",
            new UpdateOrgUnitInput(null, null, null, town.ConcurrencyStamp, " 泰安市泰山区发文街道办事处 "))).ReadAsync<OrgUnitDto>();
        named.IssuingBodyName.ShouldBe("泰安市泰山区发文街道办事处");

        var tooLong = await client.PutJsonAsync($"/api/org-units/{town.Id}", new UpdateOrgUnitInput(null, null, null, named.ConcurrencyStamp, new string('机', 61)));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.ReadJsonAsync()).GetProperty("errors").GetProperty("issuingBodyName")[0].GetProperty("code").GetString()
            .ShouldBe(CoreErrorCodes.Validation.MaxLength);
        (await client.PostJsonAsync("/api/org-units", new CreateOrgUnitInput(taishan.Id, NewCode(), "长名街道", OrgUnitKind.Township, 5, new string('机', 61))))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Unit(client, town.Code)).IssuingBodyName.ShouldBe("泰安市泰山区发文街道办事处");

        var cleared = await (await client.PutJsonAsync($"/api/org-units/{town.Id}", new UpdateOrgUnitInput(null, null, null, named.ConcurrencyStamp, "")))
            .ReadAsync<OrgUnitDto>();
        cleared.IssuingBodyName.ShouldBeNull();
    }

    [Fact]
    public async Task A_unit_with_children_is_not_deleted()
    {
        var client = await ClientAsync();
        var taishan = await Unit(client, "370902");
        var response = await client.DeleteAsync($"/api/org-units/{taishan.Id}?concurrencyStamp={taishan.ConcurrencyStamp}");
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(OrgUnitErrorCodes.HasChildren);
    }

    [Fact]
    public async Task Enums_travel_as_names()
    {
        var client = await ClientAsync();
        var json = await (await client.GetAsync("/api/org-units?kind=County")).Content.ReadAsStringAsync();
        json.ShouldContain("\"kind\":\"County\"");
        json.ShouldNotContain("\"kind\":2");
    }

    /// <summary>Issue 11: the 发文机关 printed on a unit's documents is set on the /OrgUnits page, not only through the API.</summary>
    [Fact]
    public async Task The_org_units_page_edits_the_issuing_body_and_a_too_long_one_is_refused_on_the_form()
    {
        var admin = await ClientAsync();
        var town = await Create(admin, (await Unit(admin, "370902")).Id, OrgUnitKind.Township, "页面乡镇");
        (await admin.GetStringAsync("/OrgUnits")).ShouldContain($"/OrgUnits/Edit/{town.Id}");

        var form = await admin.GetStringAsync($"/OrgUnits/Edit/{town.Id}");
        form.ShouldContain("<label for=\"issuing-body\">发文机关</label>");
        string Token(string page) => System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Task<HttpResponseMessage> PostAsync(string page, string issuingBody, string stamp) => admin.PostAsync($"/OrgUnits/Edit/{town.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "页面乡镇", ["issuingBodyName"] = issuingBody, ["concurrencyStamp"] = stamp, ["__RequestVerificationToken"] = Token(page),
            }));

        var tooLong = await PostAsync(form, new string('长', OrgUnit.MaxIssuingBodyNameLength + 1), town.ConcurrencyStamp);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()).ShouldContain(OrgUnit.MaxIssuingBodyNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await (await admin.GetAsync($"/api/org-units/{town.Id}")).ReadAsync<OrgUnitDto>()).IssuingBodyName.ShouldBeNull();

        var saved = await PostAsync(form, "泰山区页面乡镇人民政府", town.ConcurrencyStamp);
        saved.IsSuccessStatusCode.ShouldBeTrue();
        (await (await admin.GetAsync($"/api/org-units/{town.Id}")).ReadAsync<OrgUnitDto>()).IssuingBodyName.ShouldBe("泰山区页面乡镇人民政府");

        (await (await ClientAsync(userName: "demo.mediator")).GetAsync($"/OrgUnits/Edit/{town.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class OrgUnitApi_Tests_on_Sqlite(SqliteApp app) : OrgUnitApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class OrgUnitApi_Tests_on_PostgreSql(PostgresCluster cluster) : OrgUnitApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
