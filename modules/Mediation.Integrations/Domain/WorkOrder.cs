using Mediation.Core.Domain;
using Mediation.Core.PersonalData;

namespace Mediation.Integrations.Domain;

/// <summary>
/// A work order an integrating system pushed, and the petition or desk request it became. Unique by (system, external number): a
/// repeated push finds this row and answers it. The caller's phone is kept as the personal data of a petitioner is: masked, encrypted
/// and hashed. <see cref="Stage"/> is what the system has been told of so far (or is being told: the callbacks queued for it).
/// </summary>
public sealed class WorkOrder : AggregateRoot<Guid>
{
    public const int ChannelMaxLength = 50;
    public const int CallerNameMaxLength = 50;
    public const int ContentMaxLength = 4000;
    public const int CategoryMaxLength = 100;
    public const int RecordNumberMaxLength = 60;

    private WorkOrder() { }

    public static WorkOrder Receive(Guid id, Guid systemId, string number, WorkOrderKind kind, string channel, string callerName, ProtectedValue callerPhone,
        string content, string category, Guid orgUnitId, string orgUnitCode, DateTimeOffset dueAt, Guid recordId, string recordNumber, DateTimeOffset now) => new()
    {
        Id = id, SystemId = systemId, Number = number, Kind = kind, Channel = channel, CallerName = callerName, CallerPhoneMasked = callerPhone.Masked,
        CallerPhoneCipher = callerPhone.Cipher, CallerPhoneHash = callerPhone.Hash, Content = content, Category = category, OrgUnitId = orgUnitId,
        OrgUnitCode = orgUnitCode, DueAt = dueAt, RecordId = recordId, RecordNumber = recordNumber, Stage = WorkOrderStage.Received, ReceivedAt = now,
    };

    public Guid SystemId { get; private set; }
    public string Number { get; private set; } = "";
    public WorkOrderKind Kind { get; private set; }
    public string Channel { get; private set; } = "";
    public string CallerName { get; private set; } = "";
    public string CallerPhoneMasked { get; private set; } = "";
    public string CallerPhoneCipher { get; private set; } = "";
    public string CallerPhoneHash { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string Category { get; private set; } = "";
    public Guid OrgUnitId { get; private set; }
    public string OrgUnitCode { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
    public Guid RecordId { get; private set; }
    public string RecordNumber { get; private set; } = "";
    public WorkOrderStage Stage { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>
    /// Moves along <paramref name="path"/> (the stages the record has passed, in order) and answers those that are news, each to be told
    /// once; a record that moves back (a desk request reopened after review) tells nothing again.
    /// </summary>
    public IReadOnlyList<WorkOrderStage> Advance(IReadOnlyList<WorkOrderStage> path)
    {
        var news = path.Where(s => s > Stage).ToList();
        if (news.Count > 0) Stage = news.Max();
        return news;
    }
}
