using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Documents.Domain;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Documents;

public sealed class AppWithoutFont() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite,
    settings: new Dictionary<string, string?> { ["Documents:FontPath"] = "/nonexistent/fonts/none.ttc" }));

public sealed class MissingFont_Tests(AppWithoutFont app) : IClassFixture<AppWithoutFont>
{
    [Fact]
    public async Task Readiness_fails_naming_the_font_package_while_the_rest_of_the_app_works()
    {
        var client = await app.Factory.ClientAsAsync("demo.mediator");

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var documents = (await ready.ReadJsonAsync()).GetProperty("checks").GetProperty("documents");
        documents.GetProperty("status").GetString().ShouldBe("Unhealthy");
        documents.GetProperty("description").GetString()!.ShouldContain("fonts-wqy-microhei");

        (await client.GetAsync("/api/org-units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/documents/templates")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var issue = await (await app.Factory.ClientAsAsync("demo.systemadmin")).PostJsonAsync("/api/documents/templates/acceptance-notice/preview",
            new { model = SampleDocuments.NoticeModel() });
        issue.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = await issue.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(DocumentsErrorCodes.FontMissing);
        problem.GetProperty("title").GetString()!.ShouldContain("fonts-wqy-microhei");
    }
}
