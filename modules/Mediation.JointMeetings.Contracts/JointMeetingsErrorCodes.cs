namespace Mediation.JointMeetings;

public static class JointMeetingsErrorCodes
{
    public const string GroupExists = "JointMeetings:GroupExists";
    public const string GroupLevel = "JointMeetings:GroupLevel";
    public const string MemberUnitNameTaken = "JointMeetings:MemberUnitNameTaken";
    public const string MemberUnitNotInGroup = "JointMeetings:MemberUnitNotInGroup";
    public const string MeetingAlreadyHeld = "JointMeetings:MeetingAlreadyHeld";
    public const string MeetingNotHeld = "JointMeetings:MeetingNotHeld";
    public const string AttendanceIncomplete = "JointMeetings:AttendanceIncomplete";
    public const string SubstituteNeedsName = "JointMeetings:SubstituteNeedsName";
    public const string ItemNotProposed = "JointMeetings:ItemNotProposed";
    public const string ItemNotOnAgenda = "JointMeetings:ItemNotOnAgenda";
    public const string ItemAlreadyDecided = "JointMeetings:ItemAlreadyDecided";
    public const string ItemNotDecided = "JointMeetings:ItemNotDecided";
    public const string LeadAlsoCooperating = "JointMeetings:LeadAlsoCooperating";
    public const string NotYourUnitsTask = "JointMeetings:NotYourUnitsTask";
    public const string OnlyLeadUnitReports = "JointMeetings:OnlyLeadUnitReports";
    public const string TaskAlreadyAcknowledged = "JointMeetings:TaskAlreadyAcknowledged";
    public const string TaskClosed = "JointMeetings:TaskClosed";
    public const string TaskNotAwaitingAcceptance = "JointMeetings:TaskNotAwaitingAcceptance";
    public const string MinutesAlreadyIssued = "JointMeetings:MinutesAlreadyIssued";
    public const string EvidenceMissing = "JointMeetings:EvidenceMissing";
    public const string AttachmentMissing = "JointMeetings:AttachmentMissing";
    public const string AttachmentTooLarge = "JointMeetings:AttachmentTooLarge";
    public const string AttachmentTypeNotAllowed = "JointMeetings:AttachmentTypeNotAllowed";
    public const string LinkedRecordNotFound = "JointMeetings:LinkedRecordNotFound";
    public const string LinkedRecordNumberMismatch = "JointMeetings:LinkedRecordNumberMismatch";
}
