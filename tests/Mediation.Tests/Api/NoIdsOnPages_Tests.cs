using System.Net;
using System.Text.RegularExpressions;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>
/// A page speaks in numbers and names: every page a demo user reaches by following links from the home page (bounded: a few
/// pages of each route) shows no GUID in its main part's text. Ids in links and forms are fine; ids a person reads are not.
/// </summary>
public sealed partial class NoIdsOnPages_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int PagesPerRoute = 3;
    private const int PagesPerUser = 120;

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

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
            var start = html.IndexOf("<main", StringComparison.Ordinal);
            if (start < 0) continue;
            var end = html.IndexOf("</main>", start, StringComparison.Ordinal);
            var main = html[start..(end < 0 ? html.Length : end)];
            var text = WebUtility.HtmlDecode(Tag().Replace(Code().Replace(main, " "), " "));
            leaks.AddRange(Guid().Matches(text).Select(m => $"{path}: …{Around(text, m.Index)}…"));

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
