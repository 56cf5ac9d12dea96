using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.JointMeetings.Domain;

/// <summary>
/// 交办事项: what a decision asks of a lead unit (with cooperating units) by a due date on the module's policy. The lead
/// unit reports progress and completion with its evidence; the convener accepts the completion or returns it.
/// </summary>
public sealed class AssignedTask : AggregateRoot<Guid>, IOrgScoped
{
    public const string RecordType = nameof(AssignedTask);

    private readonly List<CooperatingUnit> _cooperating = [];
    private readonly List<TaskReport> _reports = [];
    private readonly List<Supervision> _supervisions = [];

    private AssignedTask() { }

    public AssignedTask(Guid id, AgendaItem item, Meeting meeting, int number, string requirement, MemberUnit lead,
        IReadOnlyList<MemberUnit> cooperating, string policy, DateTimeOffset assignedAt)
    {
        if (cooperating.Any(c => c.Id == lead.Id)) throw new BusinessException(JointMeetingsErrorCodes.LeadAlsoCooperating);
        if (lead.GroupId != item.GroupId || cooperating.Any(c => c.GroupId != item.GroupId))
            throw new BusinessException(JointMeetingsErrorCodes.MemberUnitNotInGroup);
        Id = id;
        GroupId = item.GroupId;
        OrgUnitId = item.OrgUnitId;
        MeetingId = meeting.Id;
        AgendaItemId = item.Id;
        Number = number;
        Requirement = requirement;
        LeadUnitId = lead.Id;
        LeadUnitName = lead.Name;
        _cooperating.AddRange(cooperating.DistinctBy(c => c.Id).Select(c => new CooperatingUnit(c.Id, c.Name)));
        Policy = policy;
        AssignedAt = assignedAt.ToUniversalTime();
        Status = AssignedTaskStatus.Assigned;
    }

    public Guid GroupId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public int Number { get; private set; }
    public string Requirement { get; private set; } = "";
    public Guid LeadUnitId { get; private set; }
    public string LeadUnitName { get; private set; } = "";
    public string Policy { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    public AssignedTaskStatus Status { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>As the kernel's clock computed it at assignment; the clock stays the authority for reminders.</summary>
    public DateOnly? DueDate { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public IReadOnlyList<CooperatingUnit> Cooperating => _cooperating;
    public IReadOnlyList<TaskReport> Reports => _reports;
    public IReadOnlyList<Supervision> Supervisions => _supervisions;

    public bool IsOpen => Status is AssignedTaskStatus.Assigned or AssignedTaskStatus.InProgress;

    public void ScheduledDue(DateOnly? dueDate, DateTimeOffset? dueAt)
    {
        DueDate = dueDate;
        DueAt = dueAt?.ToUniversalTime();
    }

    public bool IsOverdue(DateTimeOffset now) => IsOpen && DueAt is { } due && now > due;

    public bool Concerns(Guid memberUnitId) => LeadUnitId == memberUnitId || _cooperating.Any(c => c.MemberUnitId == memberUnitId);

    /// <summary>签收: the lead unit takes the task on; the clock keeps running from the meeting, not from this day.</summary>
    public void Acknowledge(string? by, DateTimeOffset now)
    {
        if (Status is not AssignedTaskStatus.Assigned) throw new BusinessException(JointMeetingsErrorCodes.TaskAlreadyAcknowledged);
        _reports.Add(new TaskReport(TaskReportKind.Acknowledged, "", null, now, by));
        Status = AssignedTaskStatus.InProgress;
    }

    public void ReportProgress(string text, string? by, DateTimeOffset now)
    {
        EnsureOpen();
        _reports.Add(new TaskReport(TaskReportKind.Progress, text, null, now, by));
        Status = AssignedTaskStatus.InProgress;
    }

    public void ReportCompletion(string text, string evidence, string? by, DateTimeOffset now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(evidence)) throw new BusinessException(JointMeetingsErrorCodes.EvidenceMissing);
        _reports.Add(new TaskReport(TaskReportKind.Completion, text, evidence, now, by));
        Status = AssignedTaskStatus.CompletionReported;
    }

    /// <summary>The convener's answer to a completion report: accepted closes the task, returned sends it back to the lead unit.</summary>
    public void AnswerCompletion(bool accepted, string? note, string? by, DateTimeOffset now)
    {
        if (Status is not AssignedTaskStatus.CompletionReported) throw new BusinessException(JointMeetingsErrorCodes.TaskNotAwaitingAcceptance);
        _reports.Add(new TaskReport(accepted ? TaskReportKind.Accepted : TaskReportKind.Returned, note ?? "", null, now, by));
        Status = accepted ? AssignedTaskStatus.Accepted : AssignedTaskStatus.InProgress;
        if (accepted) AcceptedAt = now.ToUniversalTime();
    }

    /// <summary>催办 / 督办 / 通报 are taken once each; the sweep may run again without repeating them.</summary>
    public bool Escalate(SupervisionKind kind, DateTimeOffset now, string note)
    {
        if (!IsOpen || _supervisions.Any(s => s.Automatic && s.Kind == kind)) return false;
        _supervisions.Add(new Supervision(kind, now, null, note, automatic: true));
        return true;
    }

    public void RecordMeasure(SupervisionKind kind, DateTimeOffset on, string? note, string? by)
    {
        if (kind is not (SupervisionKind.Interview or SupervisionKind.ListedSupervision))
            throw new BusinessException(CoreErrorCodes.BusinessRuleViolated);
        if (Status is AssignedTaskStatus.Accepted) throw new BusinessException(JointMeetingsErrorCodes.TaskClosed);
        _supervisions.Add(new Supervision(kind, on, by, note, automatic: false));
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new BusinessException(JointMeetingsErrorCodes.TaskClosed);
    }
}

public sealed class CooperatingUnit
{
    private CooperatingUnit() { }

    public CooperatingUnit(Guid memberUnitId, string name)
    {
        MemberUnitId = memberUnitId;
        Name = name;
    }

    public Guid MemberUnitId { get; private set; }
    public string Name { get; private set; } = "";
}

public sealed class TaskReport
{
    private TaskReport() { }

    public TaskReport(TaskReportKind kind, string text, string? evidence, DateTimeOffset at, string? by)
    {
        Kind = kind;
        Text = text;
        Evidence = evidence;
        At = at.ToUniversalTime();
        By = by;
    }

    public TaskReportKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string? Evidence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? By { get; private set; }
}

public sealed class Supervision
{
    private Supervision() { }

    public Supervision(SupervisionKind kind, DateTimeOffset at, string? by, string? note, bool automatic)
    {
        Kind = kind;
        At = at.ToUniversalTime();
        By = by;
        Note = note;
        Automatic = automatic;
    }

    public SupervisionKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? By { get; private set; }
    public string? Note { get; private set; }
    public bool Automatic { get; private set; }
}
