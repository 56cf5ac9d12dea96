namespace Mediation.Core.Security;

/// <summary>The roles of DOMAIN.md. Endpoints never check these names; they require permissions.</summary>
public static class RoleNames
{
    public const string Mediator = "Mediator";
    public const string PetitionOfficer = "PetitionOfficer";
    public const string LegalAdvisor = "LegalAdvisor";
    public const string DeskOfficer = "DeskOfficer";
    public const string EnterpriseUser = "EnterpriseUser";
    /// <summary>机关、单位负责人: approves extensions (信访工作条例 Art. 34) and signs off what the body issues.</summary>
    public const string UnitHead = "UnitHead";
    public const string Coordinator = "Coordinator";
    public const string Statistician = "Statistician";
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";

    public static readonly IReadOnlyList<string> All =
        [Mediator, PetitionOfficer, LegalAdvisor, DeskOfficer, EnterpriseUser, UnitHead, Coordinator, Statistician, SystemAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>等保2.0 三权分立: system, security and audit administration are held by three different people.</summary>
    public static readonly IReadOnlyList<string> SeparatedAdminDuties = [SystemAdmin, SecurityAdmin, AuditAdmin];
}
