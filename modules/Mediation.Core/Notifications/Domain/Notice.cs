namespace Mediation.Core.Notifications.Domain;

public enum NoticeChannel
{
    InApp,
    Email,
    Sms,
}

/// <summary>
/// One message to one org unit over one channel, rendered when it is created. In-app notices are
/// read from the unit's inbox; e-mail and SMS notices wait here until a dispatcher delivers them,
/// so a crash between "decided to notify" and "sent" loses nothing.
/// </summary>
internal sealed class Notice : Mediation.Core.Security.IOrgScoped
{
    public const int MaxSubjectLength = 200;
    public const int MaxRecipientLength = 200;
    public const int MaxTemplateLength = 60;
    public const int MaxSourceKeyLength = 200;
    public const int MaxLinkLength = 300;

    /// <summary>Marks a recipient kept encrypted (a person's number or address, not a unit's configured one): the prefix, then the cipher.</summary>
    public const string ProtectedRecipientPrefix = "pd:";

    public static string ProtectedRecipient(string cipher) => ProtectedRecipientPrefix + cipher;

    private Notice() { }

    public Notice(Guid id, NoticeChannel channel, Guid orgUnitId, string? recipient, string template, string subject, string body,
        string? sourceKey, DateTimeOffset createdAt, string? link = null)
    {
        Id = id;
        Channel = channel;
        OrgUnitId = orgUnitId;
        Recipient = recipient;
        Template = template;
        Subject = subject;
        Body = body;
        SourceKey = sourceKey;
        Link = link;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public NoticeChannel Channel { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public string? Recipient { get; private set; }
    public string Template { get; private set; } = "";
    public string Subject { get; private set; } = "";
    /// <summary>Audited by its SHA-256: the row keeps the text, rendered from records audited on their own (README, "Audit").</summary>
    [Mediation.Core.Auditing.AuditedByDigest]
    public string Body { get; private set; } = "";
    public string? SourceKey { get; private set; }

    /// <summary>Where the record the notice speaks of is handled (a site-relative path); kept out of the text, which names the record by its number.</summary>
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public static class NotificationsErrorCodes
{
    public const string TemplateMissing = "Notifications:TemplateMissing";
}
