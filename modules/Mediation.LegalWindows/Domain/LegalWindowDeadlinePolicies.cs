using Mediation.Core.Deadlines.Domain;
using static Mediation.Core.Deadlines.Domain.DeadlinePresets;

namespace Mediation.LegalWindows.Domain;

/// <summary>The window's own time limit: no statute fixes one for 民事代办, so it is the service commitment, named and configurable.</summary>
internal static class LegalWindowDeadlinePolicies
{
    public const int ErrandWorkingDays = 10;

    public static IReadOnlyList<DeadlinePolicy> All { get; } =
    [
        new(LegalWindowPolicies.Errand, DurationUnit.WorkingDays, ErrandWorkingDays, true, OneDay, Standard,
            "村（社区）法律顾问服务承诺：民事代办事项自受理之日起10个工作日内办结，或书面告知不能办理的理由。非法定期限，"
            + "部署地有规定的以 Deadlines:PolicyAmounts:legal-window.errand 调整。"),
    ];
}
