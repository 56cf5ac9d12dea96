namespace Mediation.Cases;

/// <summary>What other modules and the host may know about the Cases module without referencing it.</summary>
public static class CasesModuleInfo
{
    public const string Name = "cases";
    public const string ApiPrefix = "/api/cases";
}
