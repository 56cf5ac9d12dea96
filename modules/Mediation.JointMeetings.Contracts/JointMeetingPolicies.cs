namespace Mediation.JointMeetings;

/// <summary>The deadline policies the JointMeetings module declares (texts and articles in the module).</summary>
public static class JointMeetingPolicies
{
    /// <summary>A task (交办事项) the meeting gives its lead unit: 30 days unless the meeting sets it urgent.</summary>
    public const string Task = "joint-meetings.task";

    /// <summary>An urgent task: 10 working days.</summary>
    public const string UrgentTask = "joint-meetings.task-urgent";

    /// <summary>How long after the due date an unfinished task is supervised (督办), counted in working days.</summary>
    public const string SuperviseAfterDue = "joint-meetings.supervise-after-due";

    /// <summary>How long after the due date an unfinished task is circulated (通报), counted in working days.</summary>
    public const string CirculateAfterDue = "joint-meetings.circulate-after-due";
}
