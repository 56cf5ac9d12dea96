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
    public const string PartyNotInCase = "Cases:PartyNotInCase";
    public const string AgreementIncomplete = "Cases:AgreementIncomplete";
    public const string OralRecordMissing = "Cases:OralRecordMissing";
    public const string TerminationReasonMissing = "Cases:TerminationReasonMissing";
    public const string PoliceReportMissing = "Cases:PoliceReportMissing";
    public const string NoWrittenAgreement = "Cases:NoWrittenAgreement";
    public const string AgreementAlreadyIssued = "Cases:AgreementAlreadyIssued";
    public const string AgreementNotIssued = "Cases:AgreementNotIssued";
    public const string AgreementAlreadySigned = "Cases:AgreementAlreadySigned";
    public const string AgreementNotSigned = "Cases:AgreementNotSigned";
    public const string CourtDecisionRecorded = "Cases:CourtDecisionRecorded";
}
