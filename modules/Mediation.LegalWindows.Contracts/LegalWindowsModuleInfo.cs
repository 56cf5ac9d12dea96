namespace Mediation.LegalWindows;

/// <summary>What other modules and the host may know about the LegalWindows module without referencing it.</summary>
public static class LegalWindowsModuleInfo
{
    public const string Name = "legal-windows";
    public const string ApiPrefix = "/api/legal-windows";
}
