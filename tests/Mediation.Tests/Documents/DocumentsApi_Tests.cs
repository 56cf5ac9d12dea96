using Mediation.Core.Web;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Mediation.Web.Documents.Application;

namespace Mediation.Tests.Documents;

public abstract class DocumentsApi_Tests : ProviderTests
{
    private const string Agreement = "mediation-agreement";
    private const string Notice = "acceptance-notice";

    private static string NewNumber() => "泰岱调字〔2026〕第" + Guid.NewGuid().ToString("N")[..8] + "号";

    /// <summary>Issues as a module does, in-process: the API has no way to issue (see the forgery test below).</summary>
    private async Task<IssuedDocumentDto> Issue(HttpClient client, string template, object model, string? number = null, string recordId = "case-1")
    {
        var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<MeDto>();
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var json = JsonSerializer.SerializeToElement(model, HttpJson.Options);
        var values = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
        return await scope.ServiceProvider.GetRequiredService<DocumentArchiveAppService>()
            .IssueAsync(new IssueFromTemplate(template, number ?? NewNumber(), "MediationCase", recordId, me.OrgUnitId!.Value, values), CancellationToken.None);
    }

    [Fact]
    public async Task The_shipped_templates_are_listed_from_their_files()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var templates = await (await client.GetAsync("/api/documents/templates")).ReadAsync<List<DocumentTemplateDto>>();
        templates.Select(t => t.Name).ShouldContain(Agreement);
        templates.Select(t => t.Name).ShouldContain(Notice);
        templates.Single(t => t.Name == Agreement).Text.ShouldContain("# 人民调解协议书");
        (await client.GetAsync("/api/documents/templates/no-such-template")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_issued_agreement_prints_every_party_and_term_and_a_reprint_is_byte_identical()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var number = NewNumber();
        var issued = await Issue(client, Agreement, SampleDocuments.AgreementModel(), number);
        issued.Number.ShouldBe(number);
        issued.Kind.ShouldBe(Agreement);

        var first = await (await client.GetAsync($"/api/documents/{issued.Id}")).Content.ReadAsByteArrayAsync();
        var reprint = await client.GetAsync($"/api/documents/{issued.Id}");
        reprint.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var second = await reprint.Content.ReadAsByteArrayAsync();

        second.ShouldBe(first);
        Convert.ToHexStringLower(SHA256.HashData(first)).ShouldBe(issued.Sha256);
        first.Length.ShouldBeLessThan(100_000);

        var text = PdfText.AllText(first).Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[]
                 {
                     "人民调解协议书", number, "当事人基本情况", "张三", "李四", "370902197005051234", "纠纷主要事实、争议事项", "各方当事人的责任",
                     "1．被申请人于2026年4月30日前将院墙恢复至1998年测绘图（编号TA-1998-027）所示位置。", "3,500.00元", "履行方式、时限",
                     "本协议一式三份", "司法确认", "申请人（签名）", "被申请人（签名）", "人民调解员（签名）：王五", "泰安市泰山区岱庙街道人民调解委员会（印章）",
                 })
            text.ShouldContain(expected.Replace(" ", "", StringComparison.Ordinal));

        var listed = (await (await client.GetAsync("/api/documents?recordType=MediationCase&recordId=case-1")).ReadAsync<PagedList<IssuedDocumentDto>>()).Items;
        listed.ShouldContain(d => d.Id == issued.Id && d.Sha256 == issued.Sha256);
    }

    [Fact]
    public async Task The_issue_date_is_printed_without_leading_zeros()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var model = System.Text.Json.JsonSerializer.SerializeToElement(SampleDocuments.NoticeModel());
        var withDate = System.Text.Json.Nodes.JsonNode.Parse(model.GetRawText())!.AsObject();
        withDate["issued_on"] = "2026-03-01";
        var issued = await Issue(client, Notice, withDate);

        var text = PdfText.AllText(await (await client.GetAsync($"/api/documents/{issued.Id}")).Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain("2026年3月1日");
        text.ShouldNotContain("2026年03月01日");
    }

    [Fact]
    public async Task A_document_number_is_issued_once()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var number = NewNumber();
        await Issue(client, Notice, SampleDocuments.NoticeModel(), number);
        var again = await Should.ThrowAsync<ConflictException>(() => Issue(client, Notice, SampleDocuments.NoticeModel(), number, "p-1"));
        again.Code.ShouldBe(DocumentsErrorCodes.NumberTaken);
    }

    [Fact]
    public async Task A_preview_is_for_template_editors_and_never_carries_the_callers_number()
    {
        var model = new { model = new { office = "泰安市泰山区信访局", petitioner = "赵六", received_on = "2026年3月2日", channel = "来访", subject = "小区供暖不达标", number = "岱岳调〔2026〕3号" } };
        var mediator = await ClientAsync(userName: "demo.mediator");
        (await mediator.PostJsonAsync($"/api/documents/templates/{Notice}/preview", model)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var preview = await (await ClientAsync()).PostJsonAsync($"/api/documents/templates/{Notice}/preview", model);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var text = PdfText.AllText(await preview.Content.ReadAsByteArrayAsync());
        text.ShouldContain(DocumentArchiveAppService.PreviewNumber);
        text.ShouldNotContain("岱岳调〔2026〕3号");
    }

    [Fact]
    public async Task Verify_accepts_the_issued_bytes_and_detects_a_modified_copy()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var issued = await Issue(client, Notice, SampleDocuments.NoticeModel());
        var original = await (await client.GetAsync($"/api/documents/{issued.Id}")).Content.ReadAsByteArrayAsync();
        PdfText.AllText(original).ShouldContain("小区供暖不达标");

        var forged = (byte[])original.Clone();
        var at = Array.IndexOf(forged, (byte)'/', forged.Length / 2);
        forged[at + 1] ^= 0x01;

        (await VerifyBytes(client, issued.Id, original)).Matches.ShouldBeTrue();
        var forgedResult = await VerifyBytes(client, issued.Id, forged);
        forgedResult.Matches.ShouldBeFalse();
        forgedResult.ActualSha256.ShouldNotBe(issued.Sha256);
        (await VerifyBytes(client, issued.Id, [.. original, (byte)'\n'])).Matches.ShouldBeFalse();

        (await (await client.GetAsync($"/api/documents/{issued.Id}/verify?sha256={issued.Sha256.ToUpperInvariant()}")).ReadAsync<VerifyDocumentResultDto>())
            .Matches.ShouldBeTrue();
        (await (await client.GetAsync($"/api/documents/{issued.Id}/verify?sha256={new string('0', 64)}")).ReadAsync<VerifyDocumentResultDto>())
            .Matches.ShouldBeFalse();

        using var form = new MultipartFormDataContent { { new ByteArrayContent(original), "file", "copy.pdf" } };
        (await (await client.PostAsync($"/api/documents/{issued.Id}/verify", form)).ReadAsync<VerifyDocumentResultDto>()).Matches.ShouldBeTrue();

        var nothing = await client.GetAsync($"/api/documents/{issued.Id}/verify");
        nothing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/documents/{Guid.NewGuid()}/verify?sha256={issued.Sha256}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<VerifyDocumentResultDto> VerifyBytes(HttpClient client, Guid id, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync($"/api/documents/{id}/verify", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<VerifyDocumentResultDto>();
    }

    [Fact]
    public async Task Overriding_a_template_keeps_every_version_and_the_next_document_uses_it()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var shipped = await (await client.GetAsync($"/api/documents/templates/{Notice}")).ReadAsync<DocumentTemplateDto>();
        var edited = shipped.Text.Replace("特此告知。", "特此告知，请妥善保管本告知书。", StringComparison.Ordinal);

        var saved = await (await (await ClientAsync()).PutJsonAsync($"/api/documents/templates/{Notice}", new SaveTemplateInput(edited, shipped.Version))).ReadAsync<DocumentTemplateDto>();
        saved.Source.ShouldBe(TemplateSource.Override);
        saved.Version.ShouldBe(shipped.Version + 1);
        saved.ChangedAt.ShouldNotBeNull();

        var edited2 = edited.Replace("特此告知，", "特此告知！", StringComparison.Ordinal);
        var saved2 = await (await (await ClientAsync()).PutJsonAsync($"/api/documents/templates/{Notice}", new SaveTemplateInput(edited2, saved.Version))).ReadAsync<DocumentTemplateDto>();
        saved2.Version.ShouldBe(shipped.Version + 2);

        var stale = await (await ClientAsync()).PutJsonAsync($"/api/documents/templates/{Notice}", new SaveTemplateInput(edited, saved.Version));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(DocumentsErrorCodes.TemplateVersionConflict);

        var versions = await (await client.GetAsync($"/api/documents/templates/{Notice}/versions")).ReadAsync<List<DocumentTemplateVersionDto>>();
        versions.Take(2).Select(v => v.Version).ShouldBe([saved2.Version, saved.Version]);
        (await (await client.GetAsync($"/api/documents/templates/{Notice}/versions/{saved.Version}")).ReadAsync<DocumentTemplateVersionTextDto>())
            .Text.ShouldBe(edited);

        var issued = await Issue(client, Notice, SampleDocuments.NoticeModel());
        issued.TemplateVersion.ShouldBe(saved2.Version);
        var pdf = await (await client.GetAsync($"/api/documents/{issued.Id}")).Content.ReadAsByteArrayAsync();
        PdfText.AllText(pdf).ShouldContain("特此告知！请妥善保管本告知书。");

        var reset = await (await ClientAsync()).DeleteAsync($"/api/documents/templates/{Notice}/override?expectedVersion={saved2.Version}");
        var afterReset = await reset.ReadAsync<DocumentTemplateDto>();
        afterReset.Source.ShouldBe(TemplateSource.File);
        afterReset.Text.ShouldBe(shipped.Text);
        afterReset.Version.ShouldBe(shipped.Version + 3);
        (await (await client.GetAsync($"/api/documents/templates/{Notice}/versions")).ReadAsync<List<DocumentTemplateVersionDto>>())
            .First().IsReset.ShouldBeTrue();
    }

    [Fact]
    public async Task A_template_with_a_syntax_error_is_refused_with_its_name_and_line()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var before = await (await client.GetAsync($"/api/documents/templates/{Agreement}/versions")).ReadAsync<List<DocumentTemplateVersionDto>>();

        var response = await (await ClientAsync()).PutJsonAsync($"/api/documents/templates/{Agreement}", new SaveTemplateInput("# 标题\n正文\n{{ for p in parties }}\n{{ p.name }\n", null));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(DocumentsErrorCodes.TemplateError);
        problem.GetProperty("title").GetString()!.ShouldContain(Agreement);
        problem.GetProperty("title").GetString()!.ShouldContain("第 4 行");
        (await (await client.GetAsync($"/api/documents/templates/{Agreement}/versions")).ReadAsync<List<DocumentTemplateVersionDto>>())
            .Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task A_model_the_template_cannot_use_is_a_422_naming_the_line_not_a_broken_pdf()
    {
        var client = await ClientAsync("en");
        var response = await client.PostJsonAsync($"/api/documents/templates/{Notice}/preview", new { model = new { office = "泰安市泰山区信访局" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(DocumentsErrorCodes.TemplateError);
        problem.GetProperty("title").GetString()!.ShouldContain($"\"{Notice}\" has an error on line 6");
        problem.GetProperty("title").GetString()!.ShouldContain("petitioner");
    }

    [Fact]
    public async Task A_preview_whose_template_prints_too_much_or_works_too_long_is_a_422_with_a_stable_code()
    {
        const string name = "transfer-objection";
        var editor = await ClientAsync("en");
        var saved = await editor.PutJsonAsync($"/api/documents/templates/{name}", new SaveTemplateInput(
            "# 标题\n{{ for r in rows }}{{ text }}\n{{ end }}" + string.Concat(Enumerable.Repeat("{{ for r in work }}{{ s = text | string.replace 'a' 'b' }}{{ end }}", 20)), null));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var version = (await saved.ReadAsync<DocumentTemplateDto>()).Version;
        try
        {
            // JSON numbers reach the template as decimals, so the loops run over arrays, not ranges.
            var fits = await editor.PostJsonAsync($"/api/documents/templates/{name}/preview", new { model = new { rows = Enumerable.Range(1, 3).ToArray(), work = Enumerable.Range(1, 1).ToArray(), text = "正文" } });
            fits.StatusCode.ShouldBe(HttpStatusCode.OK, await fits.Content.ReadAsStringAsync());

            var tooMuch = await editor.PostJsonAsync($"/api/documents/templates/{name}/preview",
                new { model = new { rows = Enumerable.Range(1, 3_000).ToArray(), work = Enumerable.Range(1, 1).ToArray(), text = new string('a', 1_000) } });
            tooMuch.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await tooMuch.Content.ReadAsStringAsync());
            var problem = await tooMuch.ReadJsonAsync();
            problem.GetProperty("code").GetString().ShouldBe(DocumentsErrorCodes.TemplateOverBudget);
            problem.GetProperty("title").GetString().ShouldBe($"Document template \"{name}\" runs too long or prints too much (limits: 3 seconds, 1000000 characters); shorten its loops or its output.");

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var tooLong = await editor.PostJsonAsync($"/api/documents/templates/{name}/preview",
                new { model = new { rows = Enumerable.Range(1, 1).ToArray(), work = Enumerable.Range(1, 5_000).ToArray(), text = new string('a', 100_000) } });
            tooLong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await tooLong.Content.ReadAsStringAsync());
            (await tooLong.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(DocumentsErrorCodes.TemplateOverBudget);
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        }
        finally
        {
            (await editor.DeleteAsync($"/api/documents/templates/{name}/override?expectedVersion={version}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Readiness_reports_the_documents_check()
    {
        var client = await ClientAsync(userName: "demo.mediator");
        var health = await (await client.GetAsync("/health/ready")).ReadJsonAsync();
        health.GetProperty("checks").GetProperty("documents").GetProperty("status").GetString().ShouldBe("Healthy");
    }
}

public sealed class DocumentsApi_Tests_on_Sqlite(SqliteApp app) : DocumentsApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class DocumentsApi_Tests_on_PostgreSql(PostgresCluster cluster) : DocumentsApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
