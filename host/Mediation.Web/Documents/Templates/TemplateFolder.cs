using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mediation.Core.Documents;

namespace Mediation.Web.Documents.Templates;

/// <summary>
/// The folder of shipped templates (templates/documents/*.sbn): <c>Documents:TemplatesPath</c>, else the
/// first templates/documents found walking up from the content root or the app's base directory
/// (a published app carries a copy beside the binaries; a developer's run finds the repo's folder).
/// </summary>
public sealed class TemplateFolder
{
    public const string Extension = ".sbn";
    private const string SubFolder = "documents";

    private readonly Lazy<string?> _path;

    public TemplateFolder(IOptions<DocumentsOptions> options, IHostEnvironment? environment = null) =>
        _path = new Lazy<string?>(() => Find(options.Value.TemplatesPath, environment?.ContentRootPath, AppContext.BaseDirectory));

    public string? Path => _path.Value;

    public static string? Find(string? configured, params string?[] startFolders)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var direct = System.IO.Path.GetFullPath(configured);
            return Directory.Exists(System.IO.Path.Combine(direct, SubFolder)) ? System.IO.Path.Combine(direct, SubFolder)
                : Directory.Exists(direct) ? direct : null;
        }
        foreach (var start in startFolders.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "templates", SubFolder);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public IReadOnlyList<string> Names() =>
        Path is null ? [] : Directory.GetFiles(Path, "*" + Extension).Select(f => System.IO.Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    public string? Read(string name)
    {
        if (Path is null) return null;
        var file = System.IO.Path.Combine(Path, name + Extension);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }
}
