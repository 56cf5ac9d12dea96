using System.Net;
using Deque.AxeCore.Playwright;
using Mediation.Cases;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class Visits_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>A case concluded by a written agreement with one undated term: its after-conclusion visit asks about that term.</summary>
    private async Task<CaseDto> ConcludedCaseAsync()
    {
        var coordinator = await app.Factory.ClientAsAsync("demo.coordinator");
        var daimiao = (await (await coordinator.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902001");
        var committee = await (await coordinator.PostJsonAsync("/api/cases/committees", new CreateCommitteeInput(daimiao.Id,
            "岱庙街道人民调解委员会" + Guid.NewGuid().ToString("N")[..4], "访" + Guid.NewGuid().ToString("N")[..6], CommitteeKind.TownshipOrStreet))).ReadAsync<CommitteeDto>();
        var mediator = await app.Factory.ClientAsAsync("demo.mediator");
        var me = await (await mediator.GetAsync("/api/auth/me")).ReadAsync<MeDto>();
        (await coordinator.PostJsonAsync($"/api/cases/committees/{committee.Id}/mediators", new AddMediatorInput(me.Id, "张调解", true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var registered = await (await mediator.PostJsonAsync("/api/cases", new RegisterCaseInput(committee.Id, DisputeType.Neighbourhood, "排水沟纠纷", null, null,
            CaseSource.WalkIn, null,
            [new PartyInput(PartyKind.Person, "王某", "11010519491231002X", null, null, null, null, true),
             new PartyInput(PartyKind.Person, "李某", "370902198001011230", null, null, null, null, true)],
            [me.Id], RiskGrade.Blue, null))).ReadAsync<CaseDto>();
        var concluded = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/conclude", new ConcludeCaseInput(CaseOutcome.Succeeded,
            "排水沟改道致积水", "排水沟走向", "李某负主要责任", [new AgreementTermInput("李某恢复排水沟原走向", null, null)], null, null, null, false, null, await mediator.CurrentStampAsync($"/api/cases/{registered.Id}/conclude")));
        concluded.StatusCode.ShouldBe(HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        return registered;
    }

    [Fact]
    public async Task A_mediator_finds_a_due_visit_and_records_it()
    {
        var concluded = await ConcludedCaseAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/SignIn?returnUrl=/Cases/Visits");
        await page.GetByLabel("用户名").FillAsync("demo.mediator");
        await page.GetByLabel("密码").FillAsync(MediationAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "回访", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"登记{concluded.Number}的回访" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"登记{concluded.Number}的回访", Level = 2 })).ToBeVisibleAsync();
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();

        await page.GetByLabel("回访方式").SelectOptionAsync(new SelectOptionValue { Label = "电话" });
        await page.GetByLabel("履行情况").SelectOptionAsync(new SelectOptionValue { Label = "部分履行" });
        await page.GetByLabel("王某的满意度").SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await page.GetByLabel("李某的满意度").SelectOptionAsync(new SelectOptionValue { Label = "基本满意" });
        await page.GetByLabel("回访情况").FillAsync("排水沟已部分恢复，约定月底前完成");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存回访" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{concluded.Number}的回访已登记。");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"登记{concluded.Number}的回访" })).ToHaveCountAsync(0);

        var visit = (await (await (await app.Factory.ClientAsAsync("demo.mediator")).GetAsync($"/api/cases/{concluded.Id}/visits")).ReadAsync<List<FollowUpVisitDto>>())[0];
        visit.Status.ShouldBe(FollowUpVisitStatus.Recorded);
        (visit.Method, visit.Terms.Single().Performance, visit.Notes).ShouldBe((VisitMethod.Phone, TermPerformance.PartlyPerformed, "排水沟已部分恢复，约定月底前完成"));
        visit.Parties.Select(p => p.Satisfaction).ShouldBe([PartySatisfaction.Satisfied, PartySatisfaction.BasicallySatisfied]);
        visit.Visitor.ShouldBe("demo.mediator");
    }
}
