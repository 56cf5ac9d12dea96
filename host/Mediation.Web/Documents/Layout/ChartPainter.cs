using System.Globalization;
using PdfSharp.Drawing;
using Mediation.Core.Documents.Layout;

namespace Mediation.Web.Documents.Layout;

/// <summary>Bar and line charts as PDF vectors: title, legend, y axis with a round scale, category labels.</summary>
internal static class ChartPainter
{
    private static readonly XColor[] Palette =
    [
        XColor.FromArgb(0x1F, 0x5F, 0xAD), XColor.FromArgb(0xD9, 0x6C, 0x1E), XColor.FromArgb(0x3A, 0x93, 0x4B),
        XColor.FromArgb(0xB0, 0x3A, 0x2E), XColor.FromArgb(0x7B, 0x5E, 0xA7), XColor.FromArgb(0x55, 0x55, 0x55),
    ];

    private static readonly XPen Axis = new(XColors.Black, 0.8);
    private static readonly XPen Grid = new(XColor.FromArgb(0xDD, 0xDD, 0xDD), 0.5);

    public static void Paint(PageFlow flow, ChartBlock chart)
    {
        flow.EnsureSpace(chart.Height);
        var top = flow.Y;
        var left = flow.Left;
        var width = flow.ContentWidth;
        const double titleSize = 12, labelSize = 9;

        var titleLine = flow.Wrap(chart.Title, width, titleSize)[0];
        flow.DrawLine(titleLine, left, width, top + titleSize * 1.1, titleSize, bold: true, TextAlign.Center);

        var legendY = top + titleSize * 1.6 + 4;
        var legendX = left + (width - LegendWidth(flow, chart, labelSize)) / 2;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var brush = new XSolidBrush(Palette[s % Palette.Length]);
            flow.Gfx.DrawRectangle(brush, legendX, legendY, 9, 9);
            legendX += 13;
            flow.DrawText(chart.Series[s].Name, labelSize, bold: false, XBrushes.Black, legendX, legendY + 8);
            legendX += flow.MeasureWidth(chart.Series[s].Name, labelSize) + 16;
        }

        var max = chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var (scaleMax, step) = NiceScale(max);
        var scaleLabels = Enumerable.Range(0, (int)Math.Round(scaleMax / step) + 1)
            .Select(i => (i * step).ToString("0.##", CultureInfo.InvariantCulture)).ToList();

        var plotLeft = left + scaleLabels.Max(l => flow.MeasureWidth(l, labelSize)) + 8;
        var plotTop = legendY + 20;
        var plotBottom = top + chart.Height - labelSize * 2.4;
        var plotRight = left + width - 6;
        var plotHeight = plotBottom - plotTop;

        for (var i = 0; i < scaleLabels.Count; i++)
        {
            var y = plotBottom - plotHeight * i * step / scaleMax;
            if (i > 0) flow.Gfx.DrawLine(Grid, plotLeft, y, plotRight, y);
            var labelWidth = flow.MeasureWidth(scaleLabels[i], labelSize);
            flow.DrawText(scaleLabels[i], labelSize, bold: false, XBrushes.Black, plotLeft - 4 - labelWidth, y + labelSize * 0.35);
        }
        flow.Gfx.DrawLine(Axis, plotLeft, plotTop, plotLeft, plotBottom);
        flow.Gfx.DrawLine(Axis, plotLeft, plotBottom, plotRight, plotBottom);

        var groups = Math.Max(1, chart.Categories.Count);
        var groupWidth = (plotRight - plotLeft) / groups;
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var label = chart.Categories[c];
            var labelWidth = flow.MeasureWidth(label, labelSize);
            flow.DrawText(label, labelSize, bold: false, XBrushes.Black,
                plotLeft + groupWidth * (c + 0.5) - labelWidth / 2, plotBottom + labelSize * 1.5);
        }

        double Y(double value) => plotBottom - plotHeight * Math.Max(0, value) / scaleMax;

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            var values = chart.Series[s].Values;
            var count = Math.Min(values.Count, chart.Categories.Count);
            if (chart.Kind is ChartKind.Bar)
            {
                var barWidth = groupWidth * 0.7 / chart.Series.Count;
                var brush = new XSolidBrush(color);
                for (var c = 0; c < count; c++)
                {
                    var x = plotLeft + groupWidth * c + groupWidth * 0.15 + barWidth * s;
                    flow.Gfx.DrawRectangle(brush, x, Y(values[c]), barWidth, plotBottom - Y(values[c]));
                }
            }
            else
            {
                var points = Enumerable.Range(0, count).Select(c => new XPoint(plotLeft + groupWidth * (c + 0.5), Y(values[c]))).ToArray();
                if (points.Length > 1) flow.Gfx.DrawLines(new XPen(color, 1.6), points);
                var marker = new XSolidBrush(color);
                foreach (var p in points) flow.Gfx.DrawEllipse(marker, p.X - 2.5, p.Y - 2.5, 5, 5);
            }
        }
        flow.Y = top + chart.Height + 10;
    }

    private static double LegendWidth(PageFlow flow, ChartBlock chart, double size) =>
        chart.Series.Sum(s => 13 + flow.MeasureWidth(s.Name, size) + 16) - 16;

    /// <summary>A maximum and step of 1, 2 or 5 × 10^k giving about five gridlines.</summary>
    internal static (double Max, double Step) NiceScale(double max)
    {
        if (max <= 0) return (1, 0.2);
        var rough = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return (Math.Ceiling(max / step) * step, step);
    }
}
