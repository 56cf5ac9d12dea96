using Mediation.Core.Deadlines.Domain;
using static Mediation.Core.Deadlines.Domain.DeadlinePresets;

namespace Mediation.JointMeetings.Domain;

/// <summary>
/// 信访工作条例（2022）gives the joint meeting the duty to supervise (Art. 38 ¶2) and to order rectification within a set time
/// (Art. 39 ¶3, 责令限期整改) but no number of days; these are the working group's own periods. The kernel's clock reminds
/// before the due date; the module's sweep escalates after it (催办 → 督办 → 通报, to the convener), so the clocks carry no
/// escalation ladder of their own.
/// </summary>
internal static class JointMeetingDeadlinePolicies
{
    public static IReadOnlyList<DeadlinePolicy> All { get; } =
    [
        new(JointMeetingPolicies.Task, DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, [],
            "信访工作条例（2022）第三十八条第二款、第三十九条第三款：联席会议交办事项责令限期办理，本工作组规定自会议之日起30日内办结。"),
        new(JointMeetingPolicies.UrgentTask, DurationUnit.WorkingDays, 10, true, OneDay, [],
            "信访工作条例（2022）第二十四条、第三十九条第三款：联席会议协调处理的紧急交办事项，本工作组规定自会议之日起10个工作日内办结。"),
        new(JointMeetingPolicies.SuperviseAfterDue, DurationUnit.WorkingDays, 3, true, [], [],
            "信访工作条例（2022）第三十八条第二款：交办事项逾期3个工作日仍未办结的，由联席会议办公室督办。"),
        new(JointMeetingPolicies.CirculateAfterDue, DurationUnit.WorkingDays, 7, true, [], [],
            "信访工作条例（2022）第三十九条第三款：交办事项逾期7个工作日仍未办结的，由联席会议通报。"),
    ];
}
