namespace Mediation.Core.Notifications;

/// <summary>
/// A notice to an org unit: template name (templates/notices/&lt;template&gt;.sbn) and the values it shows; <paramref name="Link"/>
/// is the site-relative page of the record it speaks of, carried beside the text (the inbox shows it as a link).
/// </summary>
public sealed record NoticeRequest(string Template, Guid OrgUnitId, IReadOnlyDictionary<string, object?> Model, string? SourceKey = null, string? Link = null);

/// <summary>
/// Queues notices in the caller's unit of work: an in-app notice always, e-mail and SMS when the
/// unit has a mailbox or number configured. Written by the caller's next SaveChanges, so a notice
/// exists exactly when the change that caused it was committed.
/// </summary>
public interface INoticeOutbox
{
    Task AddAsync(NoticeRequest request, CancellationToken ct);
}
