namespace Mediation.Core.Deadlines;

/// <summary>Declared for the Identity issue, which wires them to roles (SystemAdmin edits the calendar).</summary>
public static class CalendarPermissions
{
    public const string Read = "Calendar.Read";
    public const string Manage = "Calendar.Manage";
}

public static class DeadlinesPermissions
{
    public static class Clocks
    {
        public const string Read = "Deadlines.Clocks.Read";
        public const string Manage = "Deadlines.Clocks.Manage";
        public const string Extend = "Deadlines.Clocks.Extend";
    }

    public static class Dashboard
    {
        public const string Read = "Deadlines.Dashboard.Read";
    }
}
