using Mediation.Core.Deadlines.Domain;
using static Mediation.Core.Deadlines.Domain.DeadlinePresets;

namespace Mediation.ServiceDesk.Domain;

/// <summary>
/// 接诉即办 time limits, after the Beijing 12345 practice; the amounts are configurable per host (Deadlines:PolicyAmounts:&lt;policy&gt;).
/// The descriptions are printed as the 依据 of reminder and escalation notices, so they name no setting or policy code.
/// </summary>
internal static class ServiceDeskDeadlinePolicies
{
    private static readonly IReadOnlyList<EscalationStep> HoursLadder =
        [new(EscalationKind.Urge, TimeSpan.Zero, SupervisorLevel.ParentUnit), new(EscalationKind.Supervise, TimeSpan.FromHours(24), SupervisorLevel.County)];

    public static IReadOnlyList<DeadlinePolicy> All { get; } =
    [
        new(ServiceDeskPolicies.Acknowledgement, DurationUnit.Hours, 24, false, [TimeSpan.FromHours(2)], HoursLadder,
            "接诉即办“即收即复”，参照北京12345实践：普通诉求24小时内派单（紧急1小时）；小时数由部署配置。"),
        new(ServiceDeskPolicies.AcknowledgementUrgent, DurationUnit.Hours, 1, false, [TimeSpan.FromMinutes(30)], HoursLadder,
            "接诉即办“即收即复”，参照北京12345实践：紧急诉求1小时内派单；小时数由部署配置。"),
        new(ServiceDeskPolicies.Feedback, DurationUnit.CalendarDays, 7, true, OneDay, Standard,
            "接诉即办“办结告知”，参照北京12345实践：普通诉求7日内反馈办理结果；一次性告知补正材料期间不计入。"),
        new(ServiceDeskPolicies.FeedbackComplex, DurationUnit.CalendarDays, 15, true, ThreeDaysAndOneDay, Standard,
            "接诉即办“办结告知”，参照北京12345实践：复杂诉求15日内反馈办理结果；一次性告知补正材料期间不计入。"),
    ];
}
