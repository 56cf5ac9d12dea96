using Mediation.Core.Web;
using Mediation.Core.Documents.Data;
using Mediation.Core.Documents.Domain;
using Mediation.Core.Documents;
using Mediation.Core.Security;
using System.Text.Json;
using Mediation.Core.Documents.Application;
using Mediation.Web.Documents.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Web.Documents;

internal static class DocumentsEndpoints
{
    private const string Pdf = "application/pdf";
    private const long MaxUploadBytes = 50 * 1024 * 1024;

    public static void MapDocumentsEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Documents");
        // No POST "/": a document is issued only by its module's own action on its own record (see DocumentArchiveAppService).
        // Preview renders any model, so it belongs to the template editors, and its number reads （预览）.

        var templates = g.MapGroup("/templates");
        templates.MapGet("/", (DocumentTemplateAppService s, CancellationToken ct) => s.ListAsync(ct)).WithName("Documents_ListTemplates").WithSummary("列出文书模板").RequirePermission(DocumentsPermissions.Templates.Read);
        templates.MapGet("/{name}", (string name, DocumentTemplateAppService s, CancellationToken ct) => s.GetAsync(name, ct)).WithName("Documents_GetTemplate").WithSummary("查询文书模板").RequirePermission(DocumentsPermissions.Templates.Read);
        templates.MapPut("/{name}", (string name, SaveTemplateInput input, DocumentTemplateAppService s, CancellationToken ct)
            => s.SaveAsync(name, input, ct)).WithName("Documents_SaveTemplate").WithSummary("保存文书模板的新版本").RequirePermission(DocumentsPermissions.Templates.Manage);
        templates.MapDelete("/{name}/override", (string name, int? expectedVersion, DocumentTemplateAppService s, CancellationToken ct)
            => s.ResetAsync(name, expectedVersion, ct)).WithName("Documents_ResetTemplate").WithSummary("恢复文书模板的内置版本").RequirePermission(DocumentsPermissions.Templates.Manage);
        templates.MapGet("/{name}/versions", (string name, DocumentTemplateAppService s, CancellationToken ct)
            => s.VersionsAsync(name, ct)).WithName("Documents_ListTemplateVersions").WithSummary("列出文书模板的历史版本").RequirePermission(DocumentsPermissions.Templates.Read);
        templates.MapGet("/{name}/versions/{version:int}", (string name, int version, DocumentTemplateAppService s, CancellationToken ct)
            => s.VersionAsync(name, version, ct)).WithName("Documents_GetTemplateVersion").WithSummary("查询文书模板的某一版本").RequirePermission(DocumentsPermissions.Templates.Read);
        templates.MapPost("/{name}/preview", async (string name, PreviewDocumentInput input, DocumentArchiveAppService s, CancellationToken ct)
            => TypedResults.File(await s.PreviewAsync(name, input.Model, ct), Pdf, name + ".pdf")).WithName("Documents_PreviewTemplate").WithSummary("预览文书（PDF，标注预览）").RequirePermission(DocumentsPermissions.Templates.Manage);

        g.MapGet("/", (string? recordType, string? recordId, int? page, int? pageSize, DocumentArchiveAppService s, CancellationToken ct)
            => s.ListAsync(recordType, recordId, Paging.From(page, pageSize), ct)).WithName("Documents_ListIssued").WithSummary("列出已出具的文书").RequirePermission(DocumentsPermissions.Archive.Read);
        g.MapGet("/{id:guid}", async (Guid id, DocumentArchiveAppService s, CancellationToken ct) =>
        {
            var (number, content) = await s.ContentAsync(id, ct);
            return TypedResults.File(content, Pdf, FileName(number));
        }).WithName("Documents_GetIssuedPdf").WithSummary("重印已归档的文书（PDF）").RequirePermission(DocumentsPermissions.Archive.Read);
        g.MapGet("/{id:guid}/info", (Guid id, DocumentArchiveAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("Documents_GetIssued").WithSummary("查询已出具文书的信息").RequirePermission(DocumentsPermissions.Archive.Read);
        g.MapGet("/{id:guid}/verify", (Guid id, string? sha256, DocumentArchiveAppService s, CancellationToken ct)
            => s.VerifyAsync(id, null, sha256, ct)).WithName("Documents_VerifyHash").WithSummary("按SHA-256校验文书是否为本系统出具").RequirePermission(DocumentsPermissions.Archive.Verify);
        g.MapPost("/{id:guid}/verify", async (Guid id, HttpRequest request, DocumentArchiveAppService s, CancellationToken ct) =>
        {
            var (bytes, sha256) = await ReadPresentedAsync(request, ct);
            return await s.VerifyAsync(id, bytes, sha256, ct);
        }).WithName("Documents_VerifyFile").WithSummary("上传文件校验是否与归档文书一致").RequirePermission(DocumentsPermissions.Archive.Verify);
    }

    private static string FileName(string number) =>
        string.Concat(number.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '\\' or '/' ? '_' : c)) + ".pdf";

    /// <summary>The copy to check: a multipart upload, a JSON {"sha256": …}, or the PDF bytes as the body.</summary>
    private static async Task<(byte[]? Bytes, string? Sha256)> ReadPresentedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.Count > 0 ? form.Files[0] : null;
            if (file is null) return (null, form["sha256"].FirstOrDefault());
            await using var upload = file.OpenReadStream();
            return (await ReadAllAsync(upload, ct), null);
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return (null, json.RootElement.TryGetProperty("sha256", out var hash) ? hash.GetString() : null);
        }
        return (await ReadAllAsync(request.Body, ct), null);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes) throw new BadHttpRequestException("The uploaded file is larger than 50 MB.", StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
