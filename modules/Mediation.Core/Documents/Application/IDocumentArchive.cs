using Mediation.Core.Web;
using System.Text.Json;
using Mediation.Core.Documents.Layout;

namespace Mediation.Core.Documents.Application;

/// <summary>
/// The document archive as modules reach it. Issuing is in-process only: a module issues a document by its own action on
/// its own record, with the number it assigned, so no API caller can mint a genuine-looking copy or take a number first.
/// </summary>
public interface IDocumentArchive
{
    const string EntityName = "IssuedDocument";

    Task<byte[]> PreviewAsync(string templateName, JsonElement? model, CancellationToken ct);

    /// <summary>A copy the archive must not keep (a committee's file copy with full personal data); the caller audits it.</summary>
    Task<byte[]> RenderUnarchivedAsync(string templateName, string number, IReadOnlyDictionary<string, object?> model, CancellationToken ct);

    /// <summary>Renders and archives in one step, for a caller whose number is only assigned inside its transaction.</summary>
    Task<IssuedDocumentDto> IssueAsync(IssueFromTemplate request, CancellationToken ct);

    /// <summary>Renders the document without writing anything; archive it with <see cref="IssueAsync(PreparedDocument, CancellationToken)"/>.</summary>
    Task<PreparedDocument> PrepareAsync(IssueFromTemplate request, CancellationToken ct);

    /// <summary>Archives a prepared document inside the caller's transaction (its number is unique: a second copy is a conflict).</summary>
    Task<IssuedDocumentDto> IssueAsync(PreparedDocument document, CancellationToken ct);

    /// <summary>
    /// Archives a prepared document and, in the same SaveChanges, what <paramref name="alongside"/> changes on the caller's record
    /// (its link to the document): one write, so the caller needs no transaction of its own. The number is unique: a second copy
    /// is a conflict and nothing is written.
    /// </summary>
    Task<IssuedDocumentDto> IssueAsync(PreparedDocument document, Action<IssuedDocumentDto> alongside, CancellationToken ct);

    Task<IssuedDocumentDto> IssueAsync(DocumentSpec spec, string kind, string number, string recordType, string recordId, Guid orgUnitId, CancellationToken ct);

    Task<PagedList<IssuedDocumentDto>> ListAsync(string? recordType, string? recordId, Paging paging, CancellationToken ct);

    Task<IssuedDocumentDto> GetAsync(Guid id, CancellationToken ct);

    Task<(string Number, byte[] Content)> ContentAsync(Guid id, CancellationToken ct);

    Task<VerifyDocumentResultDto> VerifyAsync(Guid id, byte[]? presented, string? sha256, CancellationToken ct);
}

/// <summary>Turns a document built in code (statistics reports with charts) into PDF bytes with the configured CJK font.</summary>
public interface IDocumentPdf
{
    byte[] Write(DocumentSpec spec);
}
