namespace Mediation.Core.OrgUnits.Domain;

public static class OrgUnitErrorCodes
{
    public const string RootMustBeCity = "OrgUnits:RootMustBeCity";
    public const string ChildKindNotBelowParent = "OrgUnits:ChildKindNotBelowParent";
    public const string ParentInactive = "OrgUnits:ParentInactive";
    public const string CodeTaken = "OrgUnits:CodeTaken";
    public const string CannotMoveUnderItself = "OrgUnits:CannotMoveUnderItself";
    public const string HasChildren = "OrgUnits:HasChildren";
    public const string HasActiveChildren = "OrgUnits:HasActiveChildren";
}
