using System.Net;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Templates;
using Mediation.ServiceDesk;
using Mediation.Tests.Api;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>受理回执, 一次性告知书 and 办结告知书: issued by the action itself, numbered per GB/T 9704, read back from the enterprise's portal.</summary>
public abstract class ServiceDeskDocuments_Tests : ProviderTests
{
    [Fact]
    public async Task Taking_noticing_and_concluding_issue_the_three_notices_which_only_the_enterprise_itself_downloads()
    {
        var app = await AppAsync();
        var (enterprise, client, _) = await EnterpriseAsync(app);
        var (_, other, _) = await EnterpriseAsync(app);
        var officer = await app.ClientAsAsync(Officer);
        var filed = await FileAsync(client, RequestKind.LegalMatter, false, MaterialsChecklist.BusinessLicence.Code, MaterialsChecklist.Contract.Code);
        filed.AcknowledgementDocumentId.ShouldBeNull();
        var taken = await TakeAsync(officer, filed);
        var today = ChineseDates.Format(ChinaTime.DateOf(DateTimeOffset.UtcNow));

        async Task<string> PortalPdfAsync(HttpClient who, Guid documentId, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await who.GetAsync($"/api/service-desk/portal/requests/{taken.Id}/documents/{documentId}");
            response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
            return expected is HttpStatusCode.OK ? PdfText.AllText(await response.Content.ReadAsByteArrayAsync()) : "";
        }

        var receipt = await PortalPdfAsync(client, taken.AcknowledgementDocumentId.ShouldNotBeNull());
        receipt.ShouldContain("诉求受理回执");
        receipt.ShouldContain(taken.Number.Replace("〔", "受〔", StringComparison.Ordinal));
        receipt.ShouldContain(enterprise.Name + "：");
        receipt.ShouldContain("首问负责人演示接诉即办窗口人员");
        receipt.ShouldContain(ChineseDates.Format(taken.FeedbackDueOn!.Value) + "前反馈办理结果");
        receipt.ShouldContain("肥城市政法服务先行区" + today);

        var noticed = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/materials-notice",
            new MaterialsNoticeInput(["项目现场照片"], null, taken.ConcurrencyStamp)));
        var notice = await PortalPdfAsync(client, noticed.MaterialsNotices.Single().DocumentId.ShouldNotBeNull());
        notice.ShouldContain("补正材料一次性告知书");
        notice.ShouldMatch(@"肥城接诉补〔\d{4}〕[1-9]\d*号");
        foreach (var item in new[] { "1．经办人授权委托书及身份证明；", "工程结算或欠款确认凭证", "农民工工资支付台账（涉欠薪时）", "相关事实的证据材料", "项目现场照片。" })
            notice.ShouldContain(item);
        notice.ShouldNotContain("施工合同或分包合同", Case.Sensitive, "supplied at filing");

        var supplied = await OkAsync<DeskRequestDto>(await client.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/materials",
            new SupplyMaterialsInput(noticed.MaterialsNotices.Single().Items.Select(i => i.Code).ToList(), null)));
        var concluded = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("已协调总包方于本月底前支付全部欠款", supplied.ConcurrencyStamp)));
        var completion = await PortalPdfAsync(client, concluded.CompletionDocumentId.ShouldNotBeNull());
        completion.ShouldContain("办结告知书");
        completion.ShouldMatch(@"肥城接诉结〔\d{4}〕[1-9]\d*号");
        completion.ShouldContain("已协调总包方于本月底前支付全部欠款");
        completion.ShouldContain("已于" + today + "办结");

        // Another enterprise, or an id of another record, is not found.
        await PortalPdfAsync(other, concluded.CompletionDocumentId!.Value, HttpStatusCode.NotFound);
        var theirs = await TakeAsync(officer, await FileAsync(other));
        await PortalPdfAsync(client, theirs.AcknowledgementDocumentId!.Value, HttpStatusCode.NotFound);
        // Staff read the same archived copies through the documents API.
        (await officer.GetAsync($"/api/documents/{concluded.CompletionDocumentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/documents/{concluded.CompletionDocumentId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ServiceDeskDocuments_Tests_on_Sqlite(SqliteApp app) : ServiceDeskDocuments_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class ServiceDeskDocuments_Tests_on_PostgreSql(PostgresCluster cluster) : ServiceDeskDocuments_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
