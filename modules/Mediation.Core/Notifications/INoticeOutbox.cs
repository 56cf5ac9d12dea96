namespace Mediation.Core.Notifications;

/// <summary>A notice to an org unit: template name (templates/notices/&lt;template&gt;.sbn) and the values it shows.</summary>
public sealed record NoticeRequest(string Template, Guid OrgUnitId, IReadOnlyDictionary<string, object?> Model, string? SourceKey = null);

/// <summary>
/// Queues notices in the caller's unit of work: an in-app notice always, e-mail and SMS when the
/// unit has a mailbox or number configured. Written by the caller's next SaveChanges, so a notice
/// exists exactly when the change that caused it was committed.
/// </summary>
public interface INoticeOutbox
{
    Task AddAsync(NoticeRequest request, CancellationToken ct);
}
