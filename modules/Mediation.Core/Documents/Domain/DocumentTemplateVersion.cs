using Mediation.Core.Domain;

namespace Mediation.Core.Documents.Domain;

/// <summary>
/// One saved text of a document template, overriding the file under templates/documents. Versions
/// are never changed or deleted: the history shows who changed what and when. A version without
/// text returns the template to its file.
/// </summary>
internal sealed class DocumentTemplateVersion : Entity<Guid>
{
    public const int MaxNameLength = 64;
    public const int MaxTextLength = 200_000;
    public const int MaxUserLength = 100;

    private DocumentTemplateVersion() { }

    public string TemplateName { get; private set; } = "";
    public int Version { get; private set; }
    public string? Text { get; private set; }
    public string? ChangedBy { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public bool IsReset => Text is null;

    public static DocumentTemplateVersion Next(Guid id, string templateName, int? currentVersion, string? text, string? changedBy, DateTimeOffset changedAt) =>
        new()
        {
            Id = id,
            TemplateName = templateName,
            Version = (currentVersion ?? 0) + 1,
            Text = text,
            ChangedBy = changedBy,
            ChangedAt = changedAt,
        };
}
