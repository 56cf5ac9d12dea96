namespace Mediation.Core.Deadlines.Domain;

public static class DeadlinesErrorCodes
{
    public const string UnknownPolicy = "Deadlines:UnknownPolicy";
    public const string InvalidStart = "Deadlines:InvalidStart";
    public const string InvalidYear = "Deadlines:InvalidYear";
    public const string DayOutsideYear = "Deadlines:DayOutsideYear";
    public const string DayListedTwice = "Deadlines:DayListedTwice";
    public const string ClockAlreadyStarted = "Deadlines:ClockAlreadyStarted";
    public const string ClockNotRunning = "Deadlines:ClockNotRunning";
    public const string ClockNotPaused = "Deadlines:ClockNotPaused";
    public const string ClockStopped = "Deadlines:ClockStopped";
    public const string NotExtendable = "Deadlines:NotExtendable";
    public const string ExtensionTooLong = "Deadlines:ExtensionTooLong";
}
