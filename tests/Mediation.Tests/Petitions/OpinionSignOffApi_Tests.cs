using System.Net;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Notifications.Domain;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>
/// 信访工作条例 Arts. 32, 35, 36: the 处理意见书, 复查意见 and 复核意见 are the answering body's, issued in its name, so its head (负责人)
/// signs them off. Only then is the document printed and the opinion servable; the answer periods (Arts. 34–36) run on meanwhile.
/// </summary>
public abstract class OpinionSignOffApi_Tests : ProviderTests
{
    private static readonly IssueOpinionInput Draft = new(OpinionDecision.NotSupport, "请求恢复宅基地界址",
        "经实地勘查并调取1998年宅基地测绘图，李某院墙未越过登记界址。", "《中华人民共和国土地管理法》第六十二条", null);

    private static async Task<PetitionDto> OkAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PetitionDto>();
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    private async Task<PetitionDto> AcceptedAsync(string officerName)
    {
        var officer = await ClientAsync(userName: officerName);
        var filed = await officer.PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Letter, DateTimeOffset.UtcNow.AddHours(-2), null,
            [new PetitionerInput("孙某", null, null, "岱东社区 9 号")], "邻居翻建院墙越过宅基地界址，协商未果。", "恢复宅基地界址", "岱东社区", null, null, null, null));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var petition = await filed.ReadAsync<PetitionDto>();
        return await OkAsync(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/accept",
            new AcceptPetitionInput(petition.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling)));
    }

    private async Task<HttpResponseMessage> SignOffAsync(string userName, Guid petitionId, OpinionKind kind)
    {
        var head = await ClientAsync(userName: userName);
        return await head.PostJsonAsync($"/api/petitions/{petitionId}/opinion/sign-off", new SignOffOpinionInput(kind, await head.CurrentStampAsync($"/api/petitions/{petitionId}")));
    }

    private async Task<T> WithDbAsync<T>(Func<MediationDbContext, Task<T>> read)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MediationDbContext>());
    }

    [Fact]
    public async Task The_reply_is_issued_only_when_the_head_of_its_unit_signs_it_off_and_the_handling_clock_runs_until_then()
    {
        var officer = await ClientAsync(userName: "demo.petitionofficer");
        var accepted = await AcceptedAsync("demo.petitionofficer");

        var drafted = await OkAsync(await officer.PostJsonAsync($"/api/petitions/{accepted.Id}/reply", Draft with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{accepted.Id}/reply") }));
        drafted.Status.ShouldBe(PetitionStatus.Accepted);
        var draft = drafted.Opinions.ShouldHaveSingleItem();
        (draft.State, draft.IssuedAt, draft.IssuingOrgUnitId, draft.IssuedBy).ShouldBe((OpinionState.AwaitingSignOff, null, accepted.OrgUnitId, "demo.petitionofficer"));
        drafted.Notices.ShouldNotContain(n => n.Kind == PetitionNoticeKind.ReplyOpinion, "no document exists before sign-off");
        drafted.Clocks.Single(c => c.Policy == PetitionPolicies.Handling).Status.ShouldBe("Running", "Art. 34 knows no pause for the sign-off");
        drafted.Timeline[^1].Kind.ShouldBe(PetitionEventKind.OpinionSubmitted);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{accepted.Id}/service",
            new RecordServiceInput(OpinionKind.Reply, ServiceMethod.InPerson, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), null, await officer.CurrentStampAsync($"/api/petitions/{accepted.Id}/service"))), PetitionsErrorCodes.NoOpinionToServe);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{accepted.Id}/reply", Draft with { ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{accepted.Id}/reply") }), PetitionsErrorCodes.OpinionAwaitingSignOff);
        (await WithDbAsync(db => db.Set<Mediation.Core.Documents.Domain.IssuedDocument>().IgnoreQueryFilters()
            .CountAsync(d => d.RecordId == accepted.Id.ToString() && d.Number.Contains("信处〔")))).ShouldBe(0);

        // The head of 泰山区 is told that a draft waits for him, with the statutory date that keeps running.
        var waiting = await WithDbAsync(db => db.Set<Notice>().IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(n => n.Template == "petition-opinion-awaiting-sign-off" && n.Channel == NoticeChannel.InApp && n.Body.Contains(accepted.Number)));
        waiting.OrgUnitId.ShouldBe(accepted.OrgUnitId);
        waiting.Subject.ShouldContain("待负责人签发");
        waiting.Body.ShouldContain("办理期限不因等待签发而停止计算，法定期限至");
        waiting.Link.ShouldBe($"/Petitions/{accepted.Id}");

        // Neither the officer who drafted it, nor a mediator, nor the 政法委 coordinator may sign; nor the head of another unit.
        foreach (var notHead in new[] { "demo.petitionofficer", "demo.mediator", "demo.coordinator" })
            (await SignOffAsync(notHead, accepted.Id, OpinionKind.Reply)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, notHead);
        await ShouldBeRefusedAsync(await SignOffAsync("demo.unithead.taian", accepted.Id, OpinionKind.Reply), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        (await SignOffAsync("demo.unithead.daimiao", accepted.Id, OpinionKind.Reply)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a 泰山区 item is outside 岱庙's scope");

        var head = await ClientAsync(userName: "demo.unithead");
        (await head.PostJsonAsync($"/api/petitions/{accepted.Id}/opinion/return", new ReturnOpinionInput(OpinionKind.Reply, " ", await head.CurrentStampAsync($"/api/petitions/{accepted.Id}/opinion/return"))))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var returned = await OkAsync(await head.PostJsonAsync($"/api/petitions/{accepted.Id}/opinion/return",
            new ReturnOpinionInput(OpinionKind.Reply, "请写明测绘图的出处", await head.CurrentStampAsync($"/api/petitions/{accepted.Id}/opinion/return"))));
        (returned.Opinions.Single().State, returned.Opinions.Single().ReturnReason).ShouldBe((OpinionState.Returned, "请写明测绘图的出处"));
        var returnedBy = returned.Opinions.Single();
        (returnedBy.ReturnedBy, returnedBy.ReturnedByName, returnedBy.ReturnedByUnit).ShouldBe(("demo.unithead", "演示单位负责人", "泰山区"));
        returned.Clocks.Single(c => c.Policy == PetitionPolicies.Handling).Status.ShouldBe("Running");
        await ShouldBeRefusedAsync(await SignOffAsync("demo.unithead", accepted.Id, OpinionKind.Reply), PetitionsErrorCodes.NoOpinionAwaitingSignOff);
        (await WithDbAsync(db => db.Set<Notice>().IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(n => n.Template == "petition-opinion-returned" && n.Channel == NoticeChannel.InApp && n.Body.Contains(accepted.Number)))).Body
            .ShouldContain("请写明测绘图的出处");

        var resubmitted = await OkAsync(await officer.PostJsonAsync($"/api/petitions/{accepted.Id}/reply",
            Draft with { FactsAndReasons = "经实地勘查并调取泰山区自然资源局存档的1998年宅基地测绘图，李某院墙未越过登记界址。",
                ConcurrencyStamp = await officer.CurrentStampAsync($"/api/petitions/{accepted.Id}") }));
        resubmitted.Opinions.ShouldHaveSingleItem().State.ShouldBe(OpinionState.AwaitingSignOff);

        var signed = await OkAsync(await SignOffAsync("demo.unithead", accepted.Id, OpinionKind.Reply));
        signed.Status.ShouldBe(PetitionStatus.Replied);
        var issued = signed.Opinions.ShouldHaveSingleItem();
        (issued.State, issued.SignedOffBy, issued.SignedOffByName, issued.IssuedBy).ShouldBe((OpinionState.Issued, "demo.unithead", "演示单位负责人", "demo.petitionofficer"));
        (issued.IssuedByName, issued.IssuedByUnit).ShouldBe(("演示信访干部", "泰山区"), "by name and unit (issue 20)");
        issued.IssuedAt.ShouldNotBeNull();
        signed.Clocks.Single(c => c.Policy == PetitionPolicies.Handling).Status.ShouldBe("Stopped");
        signed.Timeline.Select(e => e.Kind).ShouldContain(PetitionEventKind.OpinionSignedOff);

        var notice = signed.Notices.Single(n => n.Kind == PetitionNoticeKind.ReplyOpinion);
        var pdf = await officer.GetAsync($"/api/documents/{notice.DocumentId}");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = PdfText.AllText(await pdf.Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain("信访事项处理意见书");
        text.ShouldContain("泰山区自然资源局存档", customMessage: "the signed-off revision is what is printed");
        text.ShouldContain("泰山区信访局（印章）");
        var issuedOn = issued.IssuedAt!.Value.ToOffset(TimeSpan.FromHours(8));
        text.ShouldContain($"{issuedOn.Year}年{issuedOn.Month}月{issuedOn.Day}日");
        // GB/T 9704-2012 §7.2.5: 签发人 is printed on documents to a higher body only; a reply to a petitioner carries the body and its seal.
        text.ShouldNotContain("签发人");

        // Every step is in the audit trail: the draft, the return with its reason, the sign-off by the head.
        var opinionId = await WithDbAsync(db => db.Set<Mediation.Petitions.Domain.Petition>().IgnoreQueryFilters().Where(p => p.Id == accepted.Id)
            .SelectMany(p => p.Opinions).Select(o => EF.Property<int>(o, "Id")).SingleAsync());
        var audit = await WithDbAsync(db => db.Set<AuditEntry>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.EntityType == "PetitionOpinion" && e.EntityId == opinionId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => new { e.UserName, e.Details }).ToListAsync());
        audit.ShouldContain(e => e.UserName == "demo.petitionofficer" && e.Details!.Contains("\"SubmittedAt\""));
        audit.ShouldContain(e => e.UserName == "demo.unithead" && e.Details!.Contains("\"ReturnReason\"") && e.Details.Contains("\"State\""));
        audit.ShouldContain(e => e.UserName == "demo.unithead" && e.Details!.Contains("\"SignedOffBy\"") && e.Details.Contains("\"IssuedAt\""));
    }

    [Fact]
    public async Task Review_and_reexamination_opinions_are_signed_off_by_the_heads_of_the_units_above_and_not_by_the_original_one()
    {
        var accepted = await AcceptedAsync("demo.petitionofficer.daimiao");
        var daimiao = await ClientAsync(userName: "demo.petitionofficer.daimiao");
        await OkAsync(await daimiao.PostJsonAsync($"/api/petitions/{accepted.Id}/reply", Draft with { ConcurrencyStamp = await daimiao.CurrentStampAsync($"/api/petitions/{accepted.Id}/reply") }));
        await ShouldBeRefusedAsync(await SignOffAsync("demo.unithead", accepted.Id, OpinionKind.Reply), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        await OkAsync(await SignOffAsync("demo.unithead.daimiao", accepted.Id, OpinionKind.Reply));

        var county = await ClientAsync(userName: "demo.petitionofficer");
        await OkAsync(await county.PostJsonAsync($"/api/petitions/{accepted.Id}/review", new RequestReviewInput(null, await county.CurrentStampAsync($"/api/petitions/{accepted.Id}/review"))));
        var reviewDraft = await OkAsync(await county.PostJsonAsync($"/api/petitions/{accepted.Id}/review/answer", Draft with { ConcurrencyStamp = await county.CurrentStampAsync($"/api/petitions/{accepted.Id}/review/answer") }));
        reviewDraft.Status.ShouldBe(PetitionStatus.UnderReview);
        reviewDraft.Clocks.Single(c => c.Policy == PetitionPolicies.ReviewAnswer).Status.ShouldBe("Running");
        await ShouldBeRefusedAsync(await SignOffAsync("demo.unithead.daimiao", accepted.Id, OpinionKind.Review), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        await ShouldBeRefusedAsync(await SignOffAsync("demo.unithead.taian", accepted.Id, OpinionKind.Review), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        var reviewed = await OkAsync(await SignOffAsync("demo.unithead", accepted.Id, OpinionKind.Review));
        reviewed.Status.ShouldBe(PetitionStatus.Reviewed);
        reviewed.Clocks.Single(c => c.Policy == PetitionPolicies.ReviewAnswer).Status.ShouldBe("Stopped");
        var reviewText = PdfText.AllText(await (await county.GetAsync($"/api/documents/{reviewed.Notices.Single(n => n.Kind == PetitionNoticeKind.ReviewOpinion).DocumentId}"))
            .Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        reviewText.ShouldContain("信访事项复查意见书");
        reviewText.ShouldContain("泰山区信访局（印章）");

        var city = await ClientAsync(userName: "demo.petitionofficer.taian");
        await OkAsync(await city.PostJsonAsync($"/api/petitions/{accepted.Id}/reexamination", new RequestReviewInput(null, await city.CurrentStampAsync($"/api/petitions/{accepted.Id}/reexamination"))));
        await OkAsync(await city.PostJsonAsync($"/api/petitions/{accepted.Id}/reexamination/answer", Draft with { ConcurrencyStamp = await city.CurrentStampAsync($"/api/petitions/{accepted.Id}/reexamination/answer") }));
        await ShouldBeRefusedAsync(await SignOffAsync("demo.unithead", accepted.Id, OpinionKind.Reexamination), PetitionsErrorCodes.NotTheIssuingUnitsHead);
        var reexamined = await OkAsync(await SignOffAsync("demo.unithead.taian", accepted.Id, OpinionKind.Reexamination));
        reexamined.Status.ShouldBe(PetitionStatus.Reexamined);
        reexamined.Opinions.Select(o => (o.Kind, o.SignedOffBy)).ShouldBe(
            [(OpinionKind.Reply, "demo.unithead.daimiao"), (OpinionKind.Review, "demo.unithead"), (OpinionKind.Reexamination, "demo.unithead.taian")]);
    }
}

public sealed class OpinionSignOffApi_Tests_on_Sqlite(SqliteApp app) : OpinionSignOffApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class OpinionSignOffApi_Tests_on_PostgreSql(PostgresCluster cluster) : OpinionSignOffApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
