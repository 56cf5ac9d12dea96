using System.Text.Json;

namespace Mediation.Core.Documents.Application;

public enum TemplateSource
{
    File,
    Override,
}

public sealed record DocumentTemplateDto(string Name, TemplateSource Source, int Version, string Text, string? ChangedBy, DateTimeOffset? ChangedAt);

public sealed record DocumentTemplateVersionDto(int Version, bool IsReset, int Length, string? ChangedBy, DateTimeOffset ChangedAt);

public sealed record DocumentTemplateVersionTextDto(string Name, int Version, string? Text, string? ChangedBy, DateTimeOffset ChangedAt);

/// <summary><paramref name="ExpectedVersion"/>: the version the editor started from (0: the file); a newer one is a 409.</summary>
public sealed record SaveTemplateInput(string? Text, int? ExpectedVersion);

public sealed record PreviewDocumentInput(JsonElement? Model);

public sealed record IssuedDocumentDto(
    Guid Id, string Number, string Kind, string Title, string RecordType, string RecordId, string Sha256, int SizeBytes,
    int? TemplateVersion, string? IssuedBy, DateTimeOffset IssuedAt);

public sealed record VerifyDocumentResultDto(Guid DocumentId, string Number, bool Matches, string ActualSha256, DateTimeOffset IssuedAt);

/// <summary>
/// What a module hands over to issue a document from a template for one of its records;
/// <paramref name="OrgUnitId"/> is the record's unit, which then owns the copy.
/// </summary>
public sealed record IssueFromTemplate(string Template, string Number, string RecordType, string RecordId, Guid OrgUnitId, IReadOnlyDictionary<string, object?> Model);

/// <summary>
/// A document rendered from its template and ready to archive (<see cref="IDocumentArchive.PrepareAsync"/>). Rendering the PDF is
/// most of an issue's cost (its font subset deflated), so callers prepare it before they open their write transaction: on SQLite
/// that transaction holds the process's one write gate, and a PDF rendered inside it makes every other writer wait.
/// </summary>
public sealed record PreparedDocument(string Kind, string Number, string Title, string RecordType, string RecordId, Guid OrgUnitId,
    int? TemplateVersion, DateTimeOffset IssuedAt, byte[] Content);
