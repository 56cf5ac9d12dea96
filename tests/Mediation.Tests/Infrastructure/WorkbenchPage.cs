using System.Net;
using Shouldly;

namespace Mediation.Tests.Infrastructure;

/// <summary>The workbench (home page) as the tests read it: one card's markup at a time.</summary>
public static class WorkbenchPage
{
    /// <summary>The signed-in user's card <paramref name="key"/>, HTML entities decoded.</summary>
    public static async Task<string> CardAsync(HttpClient client, string key) =>
        Card(WebUtility.HtmlDecode(await client.GetStringAsync("/")), key);

    /// <summary>A card's markup: from its <c>data-card</c> attribute up to the next card or the end of its section.</summary>
    public static string Card(string page, string key)
    {
        var start = page.IndexOf($"data-card=\"{key}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"the workbench has no card {key}");
        var ends = new[] { page.IndexOf("data-card=", start + 10, StringComparison.Ordinal), page.IndexOf("</section>", start, StringComparison.Ordinal) };
        return page[start..ends.Where(e => e > 0).DefaultIfEmpty(page.Length).Min()];
    }
}
