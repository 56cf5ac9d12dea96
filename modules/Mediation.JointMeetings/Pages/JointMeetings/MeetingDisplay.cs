using System.Globalization;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>How the pages read and show the register's values: China time in the inputs, blank fields as absent.</summary>
internal static class MeetingDisplay
{
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string LocalInput(DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local value is China time whatever the server's zone.</summary>
    public static DateTimeOffset? FromLocalInput(DateTime? local) =>
        local is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), ChinaTime.Offset) : null;

    public static string StatusKey(AssignedTaskStatus status) => "JointMeetingsUi:TaskStatus:" + status;
}
