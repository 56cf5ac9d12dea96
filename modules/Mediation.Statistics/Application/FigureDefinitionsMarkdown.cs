using System.Text;
using System.Text.Json;
using Mediation.Statistics.Domain;

namespace Mediation.Statistics.Application;

/// <summary>The written definition of every figure for the API description, from the same texts the pages and reports print.</summary>
internal static class FigureDefinitionsMarkdown
{
    public static string Text { get; } = Build();

    private static string Build()
    {
        var zh = Load("zh-Hans");
        var en = Load("en");
        var text = new StringBuilder("Figures (key — name — definition):\n\n");
        foreach (var figure in FigureCatalog.All)
            text.Append("- `").Append(figure.Key).Append("` (").Append(figure.Unit).Append(") — ").Append(zh[figure.NameKey]).Append(" / ")
                .Append(en[figure.NameKey]).Append(" — ").Append(zh[figure.DefinitionKey]).Append(' ').Append(en[figure.DefinitionKey]).Append('\n');
        return text.ToString();
    }

    private static Dictionary<string, string> Load(string culture)
    {
        using var stream = typeof(StatisticsModuleInfo).Assembly.GetManifestResourceStream($"Mediation.Statistics.Localization.{culture}.json")
            ?? throw new InvalidOperationException($"Statistics texts for {culture} are missing.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }
}
