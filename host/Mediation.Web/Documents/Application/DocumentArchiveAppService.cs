using Mediation.Core.Web;
using System.Text.Json;
using Mediation.Core.Data;
using Mediation.Core.Documents.Domain;
using Mediation.Core.Documents.Layout;
using Mediation.Core.Documents.Application;
using Mediation.Web.Documents.Templates;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Web.Documents.Application;

/// <summary>Keeps each issued document's exact bytes with a SHA-256, reprints them unchanged, and tells whether a presented copy is the one issued.</summary>
public sealed class DocumentArchiveAppService(
    MediationDbContext db, DocumentTemplateAppService templates, DocumentPdf pdf, ICurrentUserName user, TimeProvider clock) : IDocumentArchive
{
    private const string EntityName = IDocumentArchive.EntityName;
    public const string PreviewNumber = "（预览）";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private IQueryable<IssuedDocument> Documents => db.Set<IssuedDocument>().AsNoTracking();

    /// <summary>Renders a template without archiving it (for the editor's preview); the number is never the caller's.</summary>
    public async Task<byte[]> PreviewAsync(string templateName, JsonElement? model, CancellationToken ct)
    {
        var (text, _) = await templates.CurrentTextAsync(templateName, ct);
        var values = ModelOf(model);
        values["number"] = PreviewNumber;
        values.TryAdd("issued_on", clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        return pdf.Write(DocumentTemplateRenderer.Render(templateName, text, values));
    }

    public async Task<byte[]> RenderUnarchivedAsync(string templateName, string number, IReadOnlyDictionary<string, object?> model, CancellationToken ct)
    {
        var (text, _) = await templates.CurrentTextAsync(templateName, ct);
        var values = new Dictionary<string, object?>(model, StringComparer.Ordinal) { ["number"] = number };
        values.TryAdd("issued_on", clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        return pdf.Write(DocumentTemplateRenderer.Render(templateName, text, values));
    }

    public async Task<IssuedDocumentDto> IssueAsync(IssueFromTemplate request, CancellationToken ct) =>
        await IssueAsync(await PrepareAsync(request, ct), ct);

    public async Task<PreparedDocument> PrepareAsync(IssueFromTemplate request, CancellationToken ct)
    {
        // A number already archived fails before the PDF is rendered; the unique index still decides a race.
        if (await Documents.AnyAsync(d => d.Number == request.Number, ct)) throw NumberTaken(request.Number);
        var (text, version) = await templates.CurrentTextAsync(request.Template, ct);
        var issuedAt = clock.GetUtcNow();
        var model = new Dictionary<string, object?>(request.Model, StringComparer.Ordinal);
        model.TryAdd("number", request.Number);
        model.TryAdd("issued_on", issuedAt.ToOffset(ChinaOffset).DateTime);
        var spec = DocumentTemplateRenderer.Render(request.Template, text, model);
        return Prepared(spec, request.Template, request.Number, request.RecordType, request.RecordId, request.OrgUnitId, version, issuedAt);
    }

    public Task<IssuedDocumentDto> IssueAsync(PreparedDocument document, CancellationToken ct) => IssueAsync(document, static _ => { }, ct);

    public async Task<IssuedDocumentDto> IssueAsync(PreparedDocument document, Action<IssuedDocumentDto> alongside, CancellationToken ct)
    {
        // Inside a caller's transaction the number is checked first: on PostgreSQL a failed INSERT would leave that transaction
        // unusable for the check below. Without one, PrepareAsync has just checked it and the unique index decides a race (issue 17:
        // one query less per agreement).
        if (db.Database.CurrentTransaction is not null && await Documents.AnyAsync(d => d.Number == document.Number, ct)) throw NumberTaken(document.Number);
        var issued = IssuedDocument.Issue(Guid.CreateVersion7(), document.Number, document.Kind, document.Title, document.RecordType, document.RecordId,
            document.Content, document.TemplateVersion, user.UserName, document.IssuedAt, document.OrgUnitId);
        var dto = new IssuedDocumentDto(issued.Id, document.Number, document.Kind, document.Title, document.RecordType, document.RecordId, issued.Sha256,
            issued.SizeBytes, document.TemplateVersion, issued.IssuedBy, document.IssuedAt);
        db.Add(issued);
        alongside(dto);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.Entry(issued).State = EntityState.Detached;
            if (await Documents.AnyAsync(d => d.Number == document.Number, ct)) throw NumberTaken(document.Number);
            throw;
        }
        return dto;
    }

    public Task<IssuedDocumentDto> IssueAsync(DocumentSpec spec, string kind, string number, string recordType, string recordId, Guid orgUnitId, CancellationToken ct) =>
        IssueAsync(Prepared(spec, kind, number, recordType, recordId, orgUnitId, null, clock.GetUtcNow()), ct);

    public async Task<PagedList<IssuedDocumentDto>> ListAsync(string? recordType, string? recordId, Paging paging, CancellationToken ct)
    {
        var query = Documents;
        if (!string.IsNullOrWhiteSpace(recordType)) query = query.Where(d => d.RecordType == recordType);
        if (!string.IsNullOrWhiteSpace(recordId)) query = query.Where(d => d.RecordId == recordId);
        return await query.OrderByDescending(d => d.IssuedAt).ThenBy(d => d.Id)
            .Select(d => new IssuedDocumentDto(d.Id, d.Number, d.Kind, d.Title, d.RecordType, d.RecordId, d.Sha256, d.SizeBytes, d.TemplateVersion, d.IssuedBy, d.IssuedAt))
            .ToPagedListAsync(paging, ct);
    }

    public async Task<IssuedDocumentDto> GetAsync(Guid id, CancellationToken ct) =>
        await Documents.Where(d => d.Id == id)
            .Select(d => new IssuedDocumentDto(d.Id, d.Number, d.Kind, d.Title, d.RecordType, d.RecordId, d.Sha256, d.SizeBytes, d.TemplateVersion, d.IssuedBy, d.IssuedAt))
            .SingleOrDefaultAsync(ct)
        ?? throw new EntityNotFoundException(EntityName, id);

    /// <summary>The stored bytes: a reprint is the very same file.</summary>
    public async Task<(string Number, byte[] Content)> ContentAsync(Guid id, CancellationToken ct)
    {
        var found = await Documents.Where(d => d.Id == id).Select(d => new { d.Number, d.Content }).SingleOrDefaultAsync(ct)
                    ?? throw new EntityNotFoundException(EntityName, id);
        return (found.Number, found.Content);
    }

    public async Task<VerifyDocumentResultDto> VerifyAsync(Guid id, byte[]? presented, string? sha256, CancellationToken ct)
    {
        if (presented is not { Length: > 0 } && string.IsNullOrWhiteSpace(sha256))
            throw new InputValidationException([new FieldError("sha256", DocumentsErrorCodes.NothingToVerify, new Dictionary<string, object?>())]);
        var document = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
                       ?? throw new EntityNotFoundException(EntityName, id);
        var actual = presented is { Length: > 0 } ? IssuedDocument.HashOf(presented) : sha256!.Trim().ToLowerInvariant();
        return new VerifyDocumentResultDto(document.Id, document.Number, document.IsMatchedBy(actual), actual, document.IssuedAt);
    }

    private PreparedDocument Prepared(DocumentSpec spec, string kind, string number, string recordType, string recordId, Guid orgUnitId,
        int? templateVersion, DateTimeOffset issuedAt)
    {
        var title = spec.Title.Length > IssuedDocument.MaxTitleLength ? spec.Title[..IssuedDocument.MaxTitleLength] : spec.Title;
        return new PreparedDocument(kind, number, title, recordType, recordId, orgUnitId, templateVersion, issuedAt, pdf.Write(spec));
    }

    private static ConflictException NumberTaken(string number) =>
        new(DocumentsErrorCodes.NumberTaken, new Dictionary<string, object?> { ["number"] = number });

    private static Dictionary<string, object?> ModelOf(JsonElement? model)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (model is { ValueKind: JsonValueKind.Object } json)
        {
            foreach (var property in json.EnumerateObject()) values[property.Name] = property.Value;
        }
        else if (model is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            throw new InputValidationException([new FieldError("model", CoreErrorCodes.Validation.Pattern, new Dictionary<string, object?>())]);
        }
        return values;
    }
}
