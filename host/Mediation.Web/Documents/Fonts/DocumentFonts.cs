using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Mediation.Web.Documents.Fonts;

public sealed record FontLookup(string? Path, string? Problem)
{
    public bool Found => Path is not null;
}

/// <summary>
/// Finds and loads the CJK TrueType font: <c>Documents:FontPath</c> first, else the known places
/// (Debian fonts-wqy-microhei, Windows Microsoft YaHei / SimSun). A loaded font is cached for the
/// life of the process: reading and unpacking the 5 MB collection costs more than a document.
/// </summary>
public static class DocumentFonts
{
    public const string DebianPackage = "fonts-wqy-microhei";

    public static readonly IReadOnlyList<string> KnownLocations =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    private static readonly ConcurrentDictionary<string, Lazy<string>> FamiliesByPath = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<CommonFamily?>> CommonFamilies = new(StringComparer.Ordinal);
    private static int _registered;

    public static FontLookup Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath)
                ? new FontLookup(Path.GetFullPath(configuredPath), null)
                : new FontLookup(null, $"Documents:FontPath '{configuredPath}' does not exist. Install the Debian package {DebianPackage} or point Documents:FontPath at a CJK TrueType font (.ttf/.ttc).");
        }
        var found = KnownLocations.FirstOrDefault(File.Exists);
        return found is not null
            ? new FontLookup(found, null)
            : new FontLookup(null, $"No CJK font found; PDF documents cannot be produced. Install the Debian package {DebianPackage} (apt-get install {DebianPackage}) or set Documents:FontPath.");
    }

    /// <summary>The PDFsharp family name under which the font at <paramref name="path"/> is registered (loaded on first use).</summary>
    public static string FamilyFor(string path) =>
        FamiliesByPath.GetOrAdd(path, p => new Lazy<string>(() => Register(p))).Value;

    private static string Register(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (TrueTypeCollection.IsCollection(bytes)) bytes = TrueTypeCollection.ExtractFace(bytes, 0);
        var family = "MediationCJK" + Interlocked.Increment(ref _registered).ToString(System.Globalization.CultureInfo.InvariantCulture);
        CjkFontResolver.Instance.Add(family, bytes);
        // Cut on the first document, not here: the readiness check loads the font, and start-up need not wait for the cut.
        CommonFamilies[family] = new Lazy<CommonFamily?>(() =>
        {
            if (CommonFace.Cut(bytes, CommonFace.CommonCharacters()) is not { } common) return null;
            CjkFontResolver.Instance.Add(family + "Common", common.Bytes);
            return new CommonFamily(family + "Common", common);
        });
        return family;
    }

    /// <summary>
    /// The common face cut from the font registered as <paramref name="family"/> (see <see cref="CommonFace"/>), or null if it could
    /// not be cut: then everything is drawn in the full face.
    /// </summary>
    public static CommonFamily? CommonFamilyOf(string family) => CommonFamilies.TryGetValue(family, out var common) ? common.Value : null;
}

/// <summary>The PDFsharp family name of a <see cref="CommonFace"/> and the face (which characters it draws).</summary>
public sealed record CommonFamily(string Family, CommonFace Face);

/// <summary>PDFsharp's process-wide font resolver: it knows exactly the CJK fonts registered above.</summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public static readonly CjkFontResolver Instance = Install();

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private static CjkFontResolver Install()
    {
        var resolver = new CjkFontResolver();
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    }

    public void Add(string family, byte[] bytes) => _faces[family] = bytes;

    // Microhei and YaHei have no bold face of their own in face 0: headings use simulated bold.
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var bytes) ? bytes : null;
}
