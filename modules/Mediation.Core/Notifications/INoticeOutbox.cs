using Mediation.Core.Notifications.Domain;

namespace Mediation.Core.Notifications;

/// <summary>
/// A notice to an org unit: template name (templates/notices/&lt;template&gt;.sbn) and the values it shows; <paramref name="Link"/>
/// is the site-relative page of the record it speaks of, carried beside the text (the inbox shows it as a link).
/// </summary>
public sealed record NoticeRequest(string Template, Guid OrgUnitId, IReadOnlyDictionary<string, object?> Model, string? SourceKey = null, string? Link = null);

/// <summary>
/// A message to one person outside the org tree (an enterprise's contact) over SMS or e-mail, sent for <paramref name="OrgUnitId"/>; no
/// in-app copy. <paramref name="RecipientCipher"/> is the number or address as the module keeps it (PersonalDataProtector cipher): it is
/// stored so and decrypted only by the dispatcher when it sends.
/// </summary>
public sealed record PersonNoticeRequest(string Template, Guid OrgUnitId, NoticeChannel Channel, string RecipientCipher,
    IReadOnlyDictionary<string, object?> Model, string? SourceKey = null);

/// <summary>
/// Queues notices in the caller's unit of work: an in-app notice always, e-mail and SMS when the
/// unit has a mailbox or number configured. Written by the caller's next SaveChanges, so a notice
/// exists exactly when the change that caused it was committed.
/// </summary>
public interface INoticeOutbox
{
    Task AddAsync(NoticeRequest request, CancellationToken ct);

    Task AddToPersonAsync(PersonNoticeRequest request, CancellationToken ct);
}
