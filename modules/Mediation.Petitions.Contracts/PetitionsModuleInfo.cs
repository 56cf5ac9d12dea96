namespace Mediation.Petitions;

/// <summary>What other modules and the host may know about the Petitions module without referencing it.</summary>
public static class PetitionsModuleInfo
{
    public const string Name = "petitions";
    public const string ApiPrefix = "/api/petitions";
}
