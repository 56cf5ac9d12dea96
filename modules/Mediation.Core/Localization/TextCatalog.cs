using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Mediation.Core.Localization;

/// <summary>
/// A message parameter that is a catalog key (an entity or enum name, or a phrase with its own parameters), localized
/// with the message.
/// </summary>
public sealed record LocalizableText(string Key, IReadOnlyDictionary<string, object?>? Parameters = null)
{
    public static LocalizableText Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => new($"{typeof(TEnum).Name}:{value}");

    public override string ToString() => Key;
}

/// <summary>An assembly whose embedded Localization/{culture}.json files join the text catalog.</summary>
public sealed record LocalizationSource(Assembly Assembly);

/// <summary>
/// All localized texts of all modules, keyed by culture then key. Loaded once at start-up; a key
/// defined by two modules is a start-up error rather than a silent override.
/// </summary>
public sealed class TextCatalog
{
    public const string DefaultCulture = "zh-Hans";
    public static readonly IReadOnlyList<string> SupportedCultures = [DefaultCulture, "en"];

    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private readonly Dictionary<string, Dictionary<string, string>> _textsByCulture = new(StringComparer.OrdinalIgnoreCase);

    public TextCatalog(IEnumerable<LocalizationSource> sources)
    {
        foreach (var culture in SupportedCultures)
            _textsByCulture[culture] = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var source in sources.DistinctBy(s => s.Assembly))
            Load(source.Assembly);
    }

    public IReadOnlyDictionary<string, string> TextsOf(string culture) => _textsByCulture[culture];

    /// <summary>The text for <paramref name="key"/> in the closest supported culture, or the key itself.</summary>
    public string? Find(string key, CultureInfo culture)
    {
        var chosen = Resolve(culture);
        if (_textsByCulture[chosen].TryGetValue(key, out var text)) return text;
        return _textsByCulture[DefaultCulture].TryGetValue(key, out var fallback) ? fallback : null;
    }

    public static string Resolve(CultureInfo culture)
    {
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            var match = SupportedCultures.FirstOrDefault(s => string.Equals(s, c.Name, StringComparison.OrdinalIgnoreCase));
            if (match is not null) return match;
            if (c.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return DefaultCulture;
        }
        return DefaultCulture;
    }

    /// <summary>Fills {name} placeholders; a <see cref="LocalizableText"/> value is itself localized first.</summary>
    public string Format(string template, IReadOnlyDictionary<string, object?> parameters, CultureInfo culture)
    {
        if (parameters.Count == 0) return template;
        var result = template;
        foreach (var (name, value) in parameters)
        {
            var text = value is LocalizableText localizable
                ? Format(Find(localizable.Key, culture) ?? localizable.Key, localizable.Parameters ?? NoParameters, culture)
                : Convert.ToString(value, CultureInfo.InvariantCulture);
            result = result.Replace("{" + name + "}", text, StringComparison.Ordinal);
        }
        return result;
    }

    private void Load(Assembly assembly)
    {
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var culture = SupportedCultures.FirstOrDefault(c => resource.EndsWith($".Localization.{c}.json", StringComparison.Ordinal));
            if (culture is null) continue;

            using var stream = assembly.GetManifestResourceStream(resource)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Localization resource {resource} is empty.");
            foreach (var (key, text) in texts)
            {
                if (!_textsByCulture[culture].TryAdd(key, text))
                    throw new InvalidOperationException($"Localization key '{key}' ({culture}) is defined twice; second time in {resource}.");
            }
        }
    }
}

/// <summary>IStringLocalizer over the catalog, so Razor pages use the standard @L["key"] idiom.</summary>
public sealed class CatalogStringLocalizer(TextCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var localized = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, localized.Value, arguments), localized.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.TextsOf(TextCatalog.Resolve(CultureInfo.CurrentUICulture))
            .Select(kv => new LocalizedString(kv.Key, kv.Value));
}
