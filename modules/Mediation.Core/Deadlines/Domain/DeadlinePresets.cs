namespace Mediation.Core.Deadlines.Domain;

public static class DeadlinePresets
{
    public static IReadOnlyList<TimeSpan> ThreeDaysAndOneDay { get; } = [TimeSpan.FromDays(3), TimeSpan.FromDays(1)];

    public static IReadOnlyList<TimeSpan> OneDay { get; } = [TimeSpan.FromDays(1)];

    /// <summary>催办 by the parent unit on the due day, 督办 by the county after 3 days, 通报 by the city after 7.</summary>
    public static IReadOnlyList<EscalationStep> Standard { get; } =
    [
        new(EscalationKind.Urge, TimeSpan.Zero, SupervisorLevel.ParentUnit),
        new(EscalationKind.Supervise, TimeSpan.FromDays(3), SupervisorLevel.County),
        new(EscalationKind.Circulate, TimeSpan.FromDays(7), SupervisorLevel.City),
    ];
}
