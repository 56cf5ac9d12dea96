namespace Mediation.LegalWindows;

/// <summary>Names of the deadline policies the LegalWindows module declares (LegalWindowsModule.DeadlinePolicies).</summary>
public static class LegalWindowPolicies
{
    public const string Errand = "legal-window.errand";
}
