using System.Net;
using System.Text.RegularExpressions;
using Mediation.Cases;
using Mediation.Core.Web;
using Mediation.JointMeetings;
using Mediation.LegalWindows;
using Mediation.LegalWindows.Application;
using Mediation.ServiceDesk;
using Mediation.Tests.Cases;
using Mediation.Tests.Infrastructure;
using Mediation.Tests.ServiceDesk;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>
/// A page speaks in numbers and names: every page a demo user reaches by following links from the home page (bounded: a few
/// pages of each route) shows no GUID and no login name (demo.mediator) in its main part's text. Ids in links and forms are fine;
/// ids a person reads are not, and a person is read by name and unit (issue 20).
/// </summary>
public sealed partial class NoIdsOnPages_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int PagesPerRoute = 3;
    private const int PagesPerUser = 120;

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    /// <summary>A demo account's login: the pages name people, so one of these in a page's text is a person shown by login.</summary>
    [GeneratedRegex(@"\bdemo\.[a-z0-9]+(\.[a-z0-9]+)*")]
    private static partial Regex Login();

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [Theory]
    [InlineData("demo.mediator")]
    [InlineData("demo.petitionofficer")]
    [InlineData("demo.unithead")]
    [InlineData("demo.coordinator")]
    [InlineData("demo.legaladvisor")]
    [InlineData("demo.deskofficer")]
    [InlineData("demo.statistician")]
    [InlineData("demo.coordinator.taian")]
    public async Task No_page_a_demo_user_reaches_shows_an_id_in_its_text(string userName)
    {
        var client = await app.Factory.ClientAsAsync(userName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var leaks = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < PagesPerUser)
        {
            var path = queue.Dequeue();
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            visited++;
            var html = await response.Content.ReadAsStringAsync();
            leaks.AddRange(Leaks(path, html));

            foreach (var link in Link().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                if (!Followable(link) || !seen.Add(link)) continue;
                var route = Guid().Replace(link.Split('?')[0], "{id}") + (link.Contains('?') ? "?" : "");
                if (perRoute.GetValueOrDefault(route) >= PagesPerRoute) continue;
                perRoute[route] = perRoute.GetValueOrDefault(route) + 1;
                queue.Enqueue(link);
            }
        }
        visited.ShouldBeGreaterThan(3, "the crawl reached the module pages");
        leaks.ShouldBeEmpty();
    }

    /// <summary>
    /// The records that name people the crawl may not reach in its few pages per route, made through the API as their users would:
    /// a desk request escalated to 泰安 and accepted there, a joint-meeting task with a liaison's report and upload and the office's
    /// 挂牌督办, a legal-window consultation referred to mediation. Each page names those people, never by login.
    /// </summary>
    [Fact]
    public async Task Record_pages_that_show_people_name_them_not_by_login()
    {
        var pages = new List<(HttpClient Reader, string Path, Func<string?[]> Named)>();

        var deskOfficer = await app.Factory.ClientAsAsync(DeskSetup.Officer);
        var cityOfficer = await app.Factory.ClientAsAsync("demo.deskofficer.taian");
        var (_, enterprise, _) = await DeskSetup.EnterpriseAsync(app.Factory);
        var taken = await DeskSetup.TakeAsync(deskOfficer, await DeskSetup.FileAsync(enterprise));
        var escalated = await DeskSetup.OkAsync<DeskRequestDto>(await deskOfficer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalate",
            new EscalateInput("总包方系市属国企，需市级协调", taken.ConcurrencyStamp)));
        await DeskSetup.OkAsync<DeskRequestDto>(await cityOfficer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalation/accept",
            new AcceptEscalationInput(escalated.ConcurrencyStamp)));
        pages.Add((cityOfficer, $"/ServiceDesk/Requests/{taken.Id}", () => [escalated.Escalation!.EscalatedBy]));
        pages.Add((deskOfficer, $"/ServiceDesk/Requests/{taken.Id}", () => [escalated.Escalation!.EscalatedBy]));

        var liaison = await app.Factory.ClientAsAsync("demo.memberunit");
        var coordinator = await app.Factory.ClientAsAsync("demo.coordinator.taian");
        var task = (await DeskSetup.OkAsync<PagedList<AssignedTaskDto>>(await liaison.GetAsync("/api/joint-meetings/tasks/mine"))).Items
            .First(t => t.Status == AssignedTaskStatus.InProgress && t.LeadUnit.Name == "市住房和城乡建设局");
        var reported = await DeskSetup.OkAsync<AssignedTaskDto>(await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/progress",
            new ReportProgressInput("已约谈开发企业负责人", task.ConcurrencyStamp)));
        var file = new ByteArrayContent(Petitions.AttachmentTypes_Tests.Pdf());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var uploaded = await DeskSetup.OkAsync<TaskAttachmentDto>(await liaison.PostAsync($"/api/joint-meetings/tasks/{task.Id}/attachments",
            new MultipartFormDataContent { { file, "file", "约谈记录.pdf" } }), HttpStatusCode.Created);
        var measured = await DeskSetup.OkAsync<AssignedTaskDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/measures",
            new RecordMeasureInput(SupervisionKind.ListedSupervision, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), "联席会议决定挂牌督办",
                reported.ConcurrencyStamp)));
        string?[] taskPeople() => [reported.Reports[^1].ByName, uploaded.UploadedByName, measured.Supervisions[^1].ByName];
        pages.Add((coordinator, $"/JointMeetings/Tasks/{task.Id}", taskPeople));
        pages.Add((liaison, $"/JointMeetings/Tasks/{task.Id}", taskPeople));

        var advisor = await app.Factory.ClientAsAsync("demo.legaladvisor");
        var (committee, _) = await CaseSetup.CommitteeAsync(app.Factory);
        var window = (await DeskSetup.OkAsync<List<WindowDto>>(await advisor.GetAsync("/api/legal-windows/windows"))).Single(w => w.ShortName == "岱东法");
        var record = await DeskSetup.OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", new RecordServiceInput(window.Id,
            ServiceKind.Consultation, DateTimeOffset.UtcNow.AddMinutes(-30), new ServedPersonInput("王某某", CaseSetup.PartyId1, "13800138000"),
            "邻居翻建院墙占用宅基地", "告知可申请人民调解", 25, "民法典第二百八十八条")), HttpStatusCode.Created);
        var referred = await DeskSetup.OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync($"/api/legal-windows/records/{record.Id}/referral",
            new ReferToMediationInput(committee.Id, DisputeType.HousingHomestead, null, true,
                [new ReferralPartyInput(PartyKind.Person, "李某某", CaseSetup.PartyId2, null, null, "岱东社区 5 号", true)], record.ConcurrencyStamp)));
        pages.Add((advisor, $"/LegalWindows/Records/{record.Id}", () => [referred.Referral!.ReferredByName]));

        // The API names them too, beside the logins machines already read.
        var people = new[] { reported.Reports[^1].ByName, uploaded.UploadedByName, measured.Supervisions[^1].ByName, referred.Referral!.ReferredByName };
        people.ShouldAllBe(name => name != null && !Login().IsMatch(name));
        measured.Supervisions[^1].By.ShouldBe("demo.coordinator.taian", "the login stays in the API for the clients that read it");

        var leaks = new List<string>();
        var texts = new List<(string Path, string Text, string?[] Named)>();
        foreach (var (reader, path, named) in pages)
        {
            var response = await reader.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var html = await response.Content.ReadAsStringAsync();
            leaks.AddRange(Leaks(path, html));
            texts.Add((path, MainText(html), named()));
        }
        leaks.ShouldBeEmpty();
        foreach (var (path, text, named) in texts)
            foreach (var name in named) text.ShouldContain(name!, Case.Sensitive, $"{path} names the people of its record");
    }

    private static string MainText(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        if (start < 0) return "";
        var end = html.IndexOf("</main>", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(Tag().Replace(Code().Replace(html[start..(end < 0 ? html.Length : end)], " "), " "));
    }

    private static List<string> Leaks(string path, string html)
    {
        var text = MainText(html);
        return Guid().Matches(text).Concat(Login().Matches(text)).Select(m => $"{path}: …{Around(text, m.Index)}…").ToList();
    }

    // Only pages: no API, no downloads, nothing that signs out or opens a notice (which marks it read).
    private static bool Followable(string link) =>
        !link.StartsWith("/api/", StringComparison.Ordinal) && !link.StartsWith("/_", StringComparison.Ordinal)
        && !link.StartsWith("/hangfire", StringComparison.OrdinalIgnoreCase) && !link.StartsWith("/swagger", StringComparison.OrdinalIgnoreCase)
        && !link.Contains("SignOut", StringComparison.OrdinalIgnoreCase) && !link.Contains("culture=", StringComparison.Ordinal)
        && !link.StartsWith("/Notices/Open", StringComparison.OrdinalIgnoreCase)
        && !Regex.IsMatch(link, @"\.(css|js|png|ico|pdf|xlsx|svg|woff2?)(\?|$)", RegexOptions.IgnoreCase);

    private static string Around(string text, int index) =>
        text.Substring(Math.Max(0, index - 40), Math.Min(text.Length - Math.Max(0, index - 40), 80)).ReplaceLineEndings(" ");
}
