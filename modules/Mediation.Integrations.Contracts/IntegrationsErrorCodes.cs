namespace Mediation.Integrations;

public static class IntegrationsErrorCodes
{
    public const string ApiKeyInvalid = "Integrations:ApiKeyInvalid";
    public const string SystemDisabled = "Integrations:SystemDisabled";
    public const string UnitOutsideScope = "Integrations:UnitOutsideScope";
    public const string UnitUnknown = "Integrations:UnitUnknown";
    public const string NumberInvalid = "Integrations:NumberInvalid";
    public const string CallbackUrlInvalid = "Integrations:CallbackUrlInvalid";
    public const string ScopeEmpty = "Integrations:ScopeEmpty";
    public const string NameTaken = "Integrations:NameTaken";
    public const string DueInPast = "Integrations:DueInPast";
    public const string EnterpriseUnknown = "Integrations:EnterpriseUnknown";
    public const string EnterpriseCodeRequired = "Integrations:EnterpriseCodeRequired";
}
