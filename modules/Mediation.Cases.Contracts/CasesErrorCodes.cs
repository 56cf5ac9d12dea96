namespace Mediation.Cases;

public static class CasesErrorCodes
{
    public const string TooFewParties = "Cases:TooFewParties";
    public const string PartyConsentMissing = "Cases:PartyConsentMissing";
    public const string PersonNeedsIdCard = "Cases:PersonNeedsIdCard";
    public const string OrganisationNeedsCreditCode = "Cases:OrganisationNeedsCreditCode";
    public const string MediatorNotInCommittee = "Cases:MediatorNotInCommittee";
    public const string NoMediator = "Cases:NoMediator";
    public const string AlreadyConcluded = "Cases:AlreadyConcluded";
    public const string SameRiskGrade = "Cases:SameRiskGrade";
    public const string ShortNameTaken = "Cases:ShortNameTaken";
}
