namespace Mediation.LegalWindows;

public static class LegalWindowsErrorCodes
{
    public const string LicenceNumberInvalid = "LegalWindows:LicenceNumberInvalid";
    public const string LicenceNumberTaken = "LegalWindows:LicenceNumberTaken";
    public const string IdCardInvalid = "LegalWindows:IdCardInvalid";
    public const string PhoneInvalid = "LegalWindows:PhoneInvalid";
    public const string NotAVillage = "LegalWindows:NotAVillage";
    public const string WindowExists = "LegalWindows:WindowExists";
    public const string AlreadyAttached = "LegalWindows:AlreadyAttached";
    public const string NotAttached = "LegalWindows:NotAttached";
    public const string HoursInvalid = "LegalWindows:HoursInvalid";
    public const string RosterTooLong = "LegalWindows:RosterTooLong";
    public const string RosterOverlaps = "LegalWindows:RosterOverlaps";
    public const string RosterEndsBeforeStart = "LegalWindows:RosterEndsBeforeStart";
    public const string ShiftInPast = "LegalWindows:ShiftInPast";
    public const string SameAdvisor = "LegalWindows:SameAdvisor";
    public const string NotAnErrand = "LegalWindows:NotAnErrand";
    public const string ErrandClosed = "LegalWindows:ErrandClosed";
    public const string ErrandNotStarted = "LegalWindows:ErrandNotStarted";
    public const string ErrandAlreadyStarted = "LegalWindows:ErrandAlreadyStarted";
    public const string NotReferable = "LegalWindows:NotReferable";
    public const string AlreadyReferred = "LegalWindows:AlreadyReferred";
    public const string ConsentMissing = "LegalWindows:ConsentMissing";
    public const string ReferralNeedsOtherParty = "LegalWindows:ReferralNeedsOtherParty";
    public const string NotAdvisorOfWindow = "LegalWindows:NotAdvisorOfWindow";
    public const string AttendanceRequired = "LegalWindows:AttendanceRequired";
    public const string MonthInvalid = "LegalWindows:MonthInvalid";
    public const string NoDocumentForKind = "LegalWindows:NoDocumentForKind";
    public const string ListRangeReversed = "LegalWindows:ListRangeReversed";
    public const string ListDayWithRange = "LegalWindows:ListDayWithRange";
    public const string ListUnitNotInScope = "LegalWindows:ListUnitNotInScope";
    public const string ListWindowNotInScope = "LegalWindows:ListWindowNotInScope";
    public const string ListAdvisorUnknown = "LegalWindows:ListAdvisorUnknown";
    public const string AlreadyInMediation = "LegalWindows:AlreadyInMediation";
}
