using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Mediation.Statistics.Pages.Statistics;

/// <summary>
/// Bar and line charts drawn on the server as SVG: no script, no chart library, and presentation attributes rather than inline
/// styles, which the site's Content-Security-Policy would refuse. Labels are HTML-encoded.
/// </summary>
internal static class SvgChart
{
    private const int Width = 720;
    private const int Height = 260;
    private const int Left = 48;
    private const int Bottom = 48;
    private const int Top = 16;
    private static readonly string[] Colours = ["#1f5fa8", "#c0392b", "#2e8b57"];

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static StringBuilder Open(string title, string id) => new StringBuilder()
        .Append($"<svg id=\"{id}\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(title)}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">")
        .Append($"<title>{HtmlEncoder.Default.Encode(title)}</title>")
        .Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 8}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>")
        .Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");

    private static void Axis(StringBuilder svg, double max)
    {
        for (var i = 0; i <= 4; i++)
        {
            var y = Height - Bottom - (Height - Bottom - Top) * i / 4.0;
            svg.Append($"<text x=\"{Left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\" font-size=\"11\">{N(max * i / 4)}</text>");
        }
    }

    private static void Label(StringBuilder svg, double x, string text) =>
        svg.Append($"<text x=\"{N(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{HtmlEncoder.Default.Encode(text)}</text>");

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<(string Label, decimal? Value)> bars, double max = 100)
    {
        var svg = Open(title, id);
        Axis(svg, max);
        var slot = (Width - Left - 16) / (double)Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var value = (double)(bars[i].Value ?? 0);
            var h = (Height - Bottom - Top) * Math.Min(value, max) / max;
            var x = Left + 8 + i * slot;
            svg.Append($"<rect class=\"bar\" x=\"{N(x + slot * 0.15)}\" y=\"{N(Height - Bottom - h)}\" width=\"{N(slot * 0.7)}\" height=\"{N(h)}\" fill=\"{Colours[0]}\">")
                .Append($"<title>{HtmlEncoder.Default.Encode(bars[i].Label)} {(bars[i].Value is { } v ? N((double)v) : "—")}</title></rect>");
            Label(svg, x + slot / 2, bars[i].Label);
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    public static IHtmlContent Lines(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        max = Math.Ceiling(max / 4) * 4;
        var svg = Open(title, id);
        Axis(svg, max);
        var step = (Width - Left - 24) / (double)Math.Max(1, categories.Count - 1);
        var labelEvery = Math.Max(1, categories.Count / 12);
        for (var i = 0; i < categories.Count; i += labelEvery) Label(svg, Left + 8 + i * step, categories[i]);
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Values.Select((v, i) => $"{N(Left + 8 + i * step)},{N(Height - Bottom - (Height - Bottom - Top) * v / max)}");
            svg.Append($"<polyline class=\"series\" fill=\"none\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
            svg.Append($"<text x=\"{Width - 120}\" y=\"{Top + 14 * (s + 1)}\" font-size=\"12\" fill=\"{Colours[s % Colours.Length]}\">{HtmlEncoder.Default.Encode(series[s].Name)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
