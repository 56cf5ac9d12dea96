using Mediation.Core.Deadlines.Domain;
using static Mediation.Core.Deadlines.Domain.DeadlinePresets;

namespace Mediation.Petitions.Domain;

/// <summary>The time limits of 信访工作条例（2022）, each with its article.</summary>
internal static class PetitionDeadlinePolicies
{
    public static IReadOnlyList<DeadlinePolicy> All { get; } =
    [
        new(PetitionPolicies.AcceptanceNotice, DurationUnit.CalendarDays, 15, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第二十三条：属于本机关职权范围的信访事项，应当自收到之日起15日内书面告知信访人是否受理（受理告知书／不予受理告知书）。"),
        new(PetitionPolicies.MisroutedObjection, DurationUnit.WorkingDays, 5, true, OneDay, Standard,
            "信访工作条例（2022）第二十三条：对转送、交办的信访事项不属于本机关职权范围的，应当自收到之日起5个工作日内提出异议。"),
        new(PetitionPolicies.Handling, DurationUnit.CalendarDays, 60, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十四条：信访事项应当自受理之日起60日内办结。", ExtensionPolicy: PetitionPolicies.HandlingExtension),
        new(PetitionPolicies.HandlingExtension, DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十四条：情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由。"),
        new(PetitionPolicies.ReviewRequest, DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, [],
            "信访工作条例（2022）第三十五条：信访人对信访处理意见不服的，可以自收到书面答复之日起30日内请求复查。"),
        new(PetitionPolicies.ReviewAnswer, DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十五条：收到复查请求的机关应当自收到复查请求之日起30日内提出复查意见，并予以书面答复。"),
        new(PetitionPolicies.ReexaminationRequest, DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, [],
            "信访工作条例（2022）第三十六条：信访人对复查意见不服的，可以自收到书面答复之日起30日内请求复核。"),
        new(PetitionPolicies.ReexaminationAnswer, DurationUnit.CalendarDays, 30, true, ThreeDaysAndOneDay, Standard,
            "信访工作条例（2022）第三十六条：收到复核请求的机关应当自收到之日起30日内提出复核意见；复核后同一事项不再受理。",
            ExtensionPolicy: PetitionPolicies.ReexaminationHearing),
        new(PetitionPolicies.ReexaminationHearing, DurationUnit.CalendarDays, 365, true, [], [],
            "信访工作条例（2022）第三十六条第二款：复核机关举行听证的，听证所需时间不计算在复核期限内（复核期限按听证日数顺延）。"),
    ];
}
