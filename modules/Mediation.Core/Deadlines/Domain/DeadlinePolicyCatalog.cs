namespace Mediation.Core.Deadlines.Domain;

/// <summary>
/// The seeded policies: every statutory or reference time limit of the domain, with its source.
/// Hosts may override an <see cref="DeadlinePolicy.Amount"/> through configuration
/// (Deadlines:PolicyAmounts:&lt;name&gt;), e.g. the desk's acknowledgement hours.
/// </summary>
public static class DeadlinePolicyCatalog
{
    private static readonly TimeSpan[] ThreeDaysAndOneDay = [TimeSpan.FromDays(3), TimeSpan.FromDays(1)];
    private static readonly TimeSpan[] OneDay = [TimeSpan.FromDays(1)];

    /// <summary>催办 by the parent unit on the due day, 督办 by the county after 3 days, 通报 by the city after 7.</summary>
    private static readonly EscalationStep[] Standard =
    [
        new(EscalationKind.Urge, TimeSpan.Zero, SupervisorLevel.ParentUnit),
        new(EscalationKind.Supervise, TimeSpan.FromDays(3), SupervisorLevel.County),
        new(EscalationKind.Circulate, TimeSpan.FromDays(7), SupervisorLevel.City),
    ];

    public static IReadOnlyList<DeadlinePolicy> Defaults { get; } =
    [
        new("petition.acceptance-notice", DurationUnit.CalendarDays, 15, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第二十三条：属于本机关职权范围的信访事项，应当自收到之日起15日内书面告知信访人是否受理（受理告知书／不予受理告知书）。"),
        new("petition.misrouted-objection", DurationUnit.WorkingDays, 5, true, OneDay, Standard,
            "信访工作条例（2022）第二十三条：对转送、交办的信访事项不属于本机关职权范围的，应当自收到之日起5个工作日内提出异议。"),
        new("petition.handling", DurationUnit.CalendarDays, 60, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十四条：信访事项应当自受理之日起60日内办结。", ExtensionPolicy: "petition.handling-extension"),
        new("petition.handling-extension", DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十四条：情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由。"),
        new("petition.review-request", DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, [],
            "信访工作条例（2022）第三十五条：信访人对信访处理意见不服的，可以自收到书面答复之日起30日内请求复查。"),
        new("petition.review-answer", DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十五条：收到复查请求的机关应当自收到复查请求之日起30日内提出复查意见，并予以书面答复。"),
        new("petition.reexamination-request", DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, [],
            "信访工作条例（2022）第三十六条：信访人对复查意见不服的，可以自收到书面答复之日起30日内请求复核。"),
        new("petition.reexamination-answer", DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十六条：收到复核请求的机关应当自收到之日起30日内提出复核意见；复核后同一事项不再受理。"),
        new("mediation.term", DurationUnit.Months, 1, false, ThreeDaysAndOneDay, Standard,
            "司法部《人民调解工作若干规定》：人民调解委员会调解纠纷，一般在一个月内调结；继续调解须经双方当事人同意并记录。",
            ExtensionPolicy: "mediation.term-extension"),
        new("mediation.term-extension", DurationUnit.CalendarDays, 60, false, ThreeDaysAndOneDay, Standard,
            "司法部《人民调解工作若干规定》：超过一个月继续调解的，须经各方当事人同意并记录；每次同意延长的期限累计不超过本数（天，可配置），再长的纠纷宜终止调解并告知其他途径（人民调解法第二十六条）。"),
        new("mediation.follow-up", DurationUnit.CalendarDays, 15, true, ThreeDaysAndOneDay, Standard,
            "人民调解法第三十一条：人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务。回访（各地人民调解回访制度通行做法）：结案后15日内回访一次；协议约定的履行期限届满后15日内再回访，核实履行情况和当事人满意度。"),
        new("mediation.judicial-confirmation", DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, [],
            "人民调解法第三十三条：双方当事人可以自调解协议生效之日起30日内共同向人民法院申请司法确认。"),
        new("desk.acknowledgement", DurationUnit.Hours, 24, false, [TimeSpan.FromHours(2)],
            [new(EscalationKind.Urge, TimeSpan.Zero, SupervisorLevel.ParentUnit), new(EscalationKind.Supervise, TimeSpan.FromHours(24), SupervisorLevel.County)],
            "接诉即办“即收即复”，参照北京12345实践：普通诉求24小时内派单（紧急1小时）；小时数可配置（Deadlines:PolicyAmounts:desk.acknowledgement）。"),
        new("desk.feedback", DurationUnit.CalendarDays, 7, true, OneDay, Standard,
            "接诉即办“办结告知”，参照北京12345实践：普通诉求7日内反馈办理结果。"),
        new("desk.feedback-complex", DurationUnit.CalendarDays, 15, true, ThreeDaysAndOneDay, Standard,
            "接诉即办“办结告知”，参照北京12345实践：复杂诉求15日内反馈办理结果。"),
    ];
}
