using Mediation.Core.Deadlines.Domain;
using static Mediation.Core.Deadlines.Domain.DeadlinePresets;

namespace Mediation.ServiceDesk;

/// <summary>接诉即办 time limits, after the Beijing 12345 practice; the hours are configurable per host.</summary>
internal static class ServiceDeskDeadlinePolicies
{
    public static IReadOnlyList<DeadlinePolicy> All { get; } =
    [
        new(ServiceDeskPolicies.Acknowledgement, DurationUnit.Hours, 24, false, [TimeSpan.FromHours(2)],
            [new(EscalationKind.Urge, TimeSpan.Zero, SupervisorLevel.ParentUnit), new(EscalationKind.Supervise, TimeSpan.FromHours(24), SupervisorLevel.County)],
            "接诉即办“即收即复”，参照北京12345实践：普通诉求24小时内派单（紧急1小时）；小时数可配置（Deadlines:PolicyAmounts:desk.acknowledgement）。"),
        new(ServiceDeskPolicies.Feedback, DurationUnit.CalendarDays, 7, true, OneDay, Standard,
            "接诉即办“办结告知”，参照北京12345实践：普通诉求7日内反馈办理结果。"),
        new(ServiceDeskPolicies.FeedbackComplex, DurationUnit.CalendarDays, 15, true, ThreeDaysAndOneDay, Standard,
            "接诉即办“办结告知”，参照北京12345实践：复杂诉求15日内反馈办理结果。"),
    ];
}
