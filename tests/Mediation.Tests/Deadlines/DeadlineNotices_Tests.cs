using System.Net;
using System.Text.RegularExpressions;
using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Petitions;
using Mediation.Tests.Cases;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Mediation.Tests.Deadlines;

/// <summary>
/// Issue 10 item 17: a reminder or an escalation names the record as an official writes it (信访事项泰山信〔2026〕12号,
/// 调解案件岱…调〔2026〕1号), the period by its name (受理告知期限, 调解期限), the units by their 发文机关 and dates after
/// GB/T 9704 — never a record type, an id or a policy code.
/// </summary>
public abstract class DeadlineNotices_Tests
{
    private const string TaishanBody = "泰安市泰山区人民政府";
    private const string DaimiaoBody = "泰安市泰山区人民政府岱庙街道办事处";
    private static readonly Regex AnId = new("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    protected abstract Task<MediationAppFactory> AppAsync(FakeTimeProvider time);

    private static string CnDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    [Fact]
    public async Task Reminders_and_escalations_name_the_record_its_period_and_the_issuing_bodies_never_an_id_or_a_code()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = await AppAsync(time);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            (await db.Set<OrgUnit>().SingleAsync(u => u.Code == "370902")).NameIssuingBody(TaishanBody);
            (await db.Set<OrgUnit>().SingleAsync(u => u.Code == "370902001")).NameIssuingBody(DaimiaoBody);
            return await db.SaveChangesAsync();
        });

        var officer = await app.ClientAsAsync("demo.petitionofficer");
        var filed = await officer.PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Letter, time.GetUtcNow().AddHours(-1), null,
            [new PetitionerInput("王某", "11010519491231002X", "13800138000", "岱东社区 3 号")], "邻居翻建院墙占用宅基地约半米，多次协商未果。",
            "恢复宅基地界址", "岱东社区", null, null, null, null));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var petition = await filed.ReadAsync<PetitionDto>();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var mediationCase = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);

        var acceptance = await ClockAsync(app, "Petition", petition.Id, PetitionPolicies.AcceptanceNotice);
        var term = await ClockAsync(app, "MediationCase", mediationCase.Id, CasesPolicies.Term);

        // Two days before the 15 days run out: the three-day reminder is due.
        time.SetUtcNow(acceptance.DueAt!.Value.AddDays(-2));
        await app.SweepAsync();
        var reminder = (await NoticesAsync(app, acceptance.Id)).ShouldHaveSingleItem();
        reminder.Subject.ShouldBe($"【期限提醒】信访事项{petition.Number}的受理告知期限将于{CnDate(acceptance.DueDate!.Value)}届满");
        reminder.Body.ShouldStartWith($"{TaishanBody}：");
        reminder.Body.ShouldContain($"你单位办理的信访事项{petition.Number}，受理告知期限将于{CnDate(acceptance.DueDate.Value)}届满");
        reminder.Body.ShouldContain("依据：信访工作条例（2022）第二十三条");
        reminder.Body.ShouldContain("承办：演示", Case.Sensitive, "the officer who registered it, by display name");
        reminder.Link.ShouldBe($"/Petitions/{petition.Id}");

        // Eight days after the case's month: 催办 by 岱庙街道's parent, 督办 by 泰山区, 通报 by 泰安市.
        time.SetUtcNow(term.DueAt!.Value.AddDays(8));
        await app.SweepAsync();
        var escalations = await NoticesAsync(app, term.Id);
        var county = await app.UnitIdAsync("370902");
        var supervised = escalations.Single(n => n.OrgUnitId == county && n.Subject.StartsWith("【督办】", StringComparison.Ordinal));
        supervised.Subject.ShouldBe($"【督办】调解案件{mediationCase.Number}的调解期限已于{CnDate(term.DueDate!.Value)}届满");
        supervised.Body.ShouldStartWith($"{DaimiaoBody}：");
        supervised.Body.ShouldContain($"你单位办理的调解案件{mediationCase.Number}，调解期限已于{CnDate(term.DueDate.Value)}届满，至今未办结，现予督办");
        supervised.Body.ShouldContain("承办：调解员");
        supervised.Body.ShouldEndWith($"{TaishanBody}\n{CnDate(ChinaTime.DateOf(time.GetUtcNow()))}");
        supervised.Link.ShouldBe($"/Cases/{mediationCase.Id}");

        // Every deadline notice of the run, demo records of the other modules included.
        var all = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<Notice>().IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.Template.StartsWith("deadline-")).ToListAsync());
        all.Count.ShouldBeGreaterThan(4);
        var policies = app.Services.GetRequiredService<DeadlinePolicies>().All.Select(p => p.Name).ToList();
        foreach (var notice in all)
        {
            var text = notice.Subject + "\n" + notice.Body;
            AnId.IsMatch(text).ShouldBeFalse(text);
            policies.ShouldNotContain(p => text.Contains(p, StringComparison.Ordinal), text);
            text.ShouldNotContain("MediationCase");
            text.ShouldNotContain("Petition");
            text.ShouldNotContain("编号");
            Regex.IsMatch(text, @"年0\d月|月0\d日").ShouldBeFalse(text);
        }
    }

    private static Task<DeadlineClockDto> ClockAsync(MediationAppFactory app, string recordType, Guid recordId, string policy) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<IDeadlineClocks>().ForRecordAsync(recordType, recordId, CancellationToken.None))
            .Single(c => c.Policy == policy));

    private static Task<List<Notice>> NoticesAsync(MediationAppFactory app, Guid clockId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<Notice>().IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.Channel == NoticeChannel.InApp && n.SourceKey!.StartsWith(clockId.ToString("N"))).ToListAsync());
}

public sealed class DeadlineNotices_Tests_on_Sqlite : DeadlineNotices_Tests, IAsyncLifetime, IAsyncDisposable
{
    private MediationAppFactory? _app;

    protected override Task<MediationAppFactory> AppAsync(FakeTimeProvider time)
    {
        _app = new MediationAppFactory(DatabaseProvider.Sqlite, services: DeadlineApps.WithTime(time));
        _app.StartServer();
        return Task.FromResult(_app);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xUnit 2 never calls a test class's DisposeAsync(), so each test's host kept running
    // to the end of the run (on PostgreSQL against a cluster already stopped, logging a failed connection many times a second).
    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}

[Collection(PostgresCollection.Name)]
public sealed class DeadlineNotices_Tests_on_PostgreSql(PostgresCluster cluster) : DeadlineNotices_Tests, IAsyncLifetime, IAsyncDisposable
{
    private MediationAppFactory? _app;

    protected override async Task<MediationAppFactory> AppAsync(FakeTimeProvider time)
    {
        _app = new MediationAppFactory(DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync(), services: DeadlineApps.WithTime(time));
        _app.StartServer();
        return _app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xUnit 2 never calls a test class's DisposeAsync(), so each test's host kept running
    // to the end of the run (on PostgreSQL against a cluster already stopped, logging a failed connection many times a second).
    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
