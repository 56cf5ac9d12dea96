namespace Mediation.ServiceDesk;

/// <summary>What other modules and the host may know about the ServiceDesk module without referencing it.</summary>
public static class ServiceDeskModuleInfo
{
    public const string Name = "service-desk";
    public const string ApiPrefix = "/api/service-desk";
}
