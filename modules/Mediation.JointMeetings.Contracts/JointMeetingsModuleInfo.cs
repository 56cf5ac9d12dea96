namespace Mediation.JointMeetings;

/// <summary>What other modules and the host may know about the JointMeetings module without referencing it.</summary>
public static class JointMeetingsModuleInfo
{
    public const string Name = "joint-meetings";
    public const string ApiPrefix = "/api/joint-meetings";
}
