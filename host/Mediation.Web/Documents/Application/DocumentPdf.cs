using Mediation.Core.Documents.Domain;
using Mediation.Core.Documents;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Layout;
using Mediation.Web.Documents.Fonts;
using Mediation.Web.Documents.Layout;
using Mediation.Core.Domain;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace Mediation.Web.Documents.Application;

/// <summary>The font is a deployment matter: without it the server cannot print, so 503 rather than 422.</summary>
public sealed class FontMissingException(string problem)
    : BusinessException(DocumentsErrorCodes.FontMissing, new Dictionary<string, object?> { ["package"] = DocumentFonts.DebianPackage, ["problem"] = problem })
{
    public override int HttpStatus => 503;
}

/// <summary>
/// Turns document specs into PDF bytes with the configured CJK font, located and checked at start, loaded by the first document
/// (a host that prints nothing does not hold it: issue 17, P5).
/// </summary>
public sealed class DocumentPdf(IOptions<DocumentsOptions> options) : IDocumentPdf
{
    private readonly Lazy<string?> _checked = new(() => Check(options.Value.FontPath));
    private readonly Lazy<(PdfDocumentWriter? Writer, string? Problem)> _writer = new(() => Load(options.Value.FontPath, options.Value.PdfCompression));

    /// <summary>Why documents cannot be printed (no font, or one that cannot serve), or null; the font's load is not waited for.</summary>
    public string? Problem => _checked.Value ?? (_writer.IsValueCreated ? _writer.Value.Problem : null);

    /// <summary>Whether a document has loaded the font (the tests check readiness does not).</summary>
    internal bool FontLoaded => _writer.IsValueCreated;

    public byte[] Write(DocumentSpec spec)
    {
        if (_checked.Value is { } problem) throw new FontMissingException(problem);
        return (_writer.Value.Writer ?? throw new FontMissingException(_writer.Value.Problem!)).Write(spec);
    }

    private static string? Check(string? configuredPath)
    {
        var lookup = DocumentFonts.Locate(configuredPath);
        return lookup.Found ? FontFileCheck.Problem(lookup.Path!) : lookup.Problem;
    }

    private static (PdfDocumentWriter?, string?) Load(string? configuredPath, PdfCompression compression)
    {
        var lookup = DocumentFonts.Locate(configuredPath);
        if (!lookup.Found) return (null, lookup.Problem);
        try
        {
            return (new PdfDocumentWriter(DocumentFonts.FamilyFor(lookup.Path!))
            {
                Compression = compression is PdfCompression.Faster ? PdfFlateEncodeMode.BestSpeed : PdfFlateEncodeMode.Default,
            }, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, $"The font {lookup.Path} cannot be read ({ex.Message}). Install the Debian package {DocumentFonts.DebianPackage} or set Documents:FontPath.");
        }
    }
}

/// <summary>Readiness: documents can be printed (a TrueType CJK font is there, its headers checked) and the shipped templates were found.</summary>
public sealed class DocumentsHealthCheck(DocumentPdf pdf, Templates.TemplateFolder templates) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (pdf.Problem is { } problem) return Task.FromResult(HealthCheckResult.Unhealthy(problem));
        if (templates.Path is null)
            return Task.FromResult(HealthCheckResult.Unhealthy("The templates/documents folder was not found; set Documents:TemplatesPath."));
        return Task.FromResult(HealthCheckResult.Healthy($"Font found and checked; templates in {templates.Path}."));
    }
}
