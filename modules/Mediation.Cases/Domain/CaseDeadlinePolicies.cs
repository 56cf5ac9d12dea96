using Mediation.Core.Deadlines.Domain;
using static Mediation.Core.Deadlines.Domain.DeadlinePresets;

namespace Mediation.Cases.Domain;

/// <summary>The time limits of people's mediation, each with its source.</summary>
internal static class CaseDeadlinePolicies
{
    public static IReadOnlyList<DeadlinePolicy> All { get; } =
    [
        new(CasesPolicies.Term, DurationUnit.Months, 1, false, ThreeDaysAndOneDay, Standard,
            "司法部《人民调解工作若干规定》：人民调解委员会调解纠纷，一般在一个月内调结；继续调解须经双方当事人同意并记录。",
            ExtensionPolicy: CasesPolicies.TermExtension),
        new(CasesPolicies.TermExtension, DurationUnit.CalendarDays, 60, false, ThreeDaysAndOneDay, Standard,
            "司法部《人民调解工作若干规定》：超过一个月继续调解的，须经各方当事人同意并记录；每次同意延长的期限累计不超过本数（天，可配置），再长的纠纷宜终止调解并告知其他途径（人民调解法第二十六条）。"),
        new(CasesPolicies.FollowUp, DurationUnit.CalendarDays, 15, true, ThreeDaysAndOneDay, Standard,
            "人民调解法第三十一条：人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务。回访（各地人民调解回访制度通行做法）：结案后15日内回访一次；协议约定的履行期限届满后15日内再回访，核实履行情况和当事人满意度。"),
        new(CasesPolicies.JudicialConfirmation, DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, [],
            "人民调解法第三十三条：双方当事人可以自调解协议生效之日起30日内共同向人民法院申请司法确认。"),
    ];
}
