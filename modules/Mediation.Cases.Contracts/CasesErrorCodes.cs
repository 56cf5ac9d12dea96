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
    public const string SigningDateOutOfRange = "Cases:SigningDateOutOfRange";
    public const string PoliceReportDateOutOfRange = "Cases:PoliceReportDateOutOfRange";
    public const string BecameCriminalRecorded = "Cases:BecameCriminalRecorded";
    public const string BecameCriminalDateOutOfRange = "Cases:BecameCriminalDateOutOfRange";
    public const string JudicialApplicationRecorded = "Cases:JudicialApplicationRecorded";
    public const string JudicialApplicationMissing = "Cases:JudicialApplicationMissing";
    public const string JudicialApplicationDateOutOfRange = "Cases:JudicialApplicationDateOutOfRange";
    public const string NotRefusedByCourt = "Cases:NotRefusedByCourt";
    public const string AgreementNotSigned = "Cases:AgreementNotSigned";
    public const string CourtDecisionRecorded = "Cases:CourtDecisionRecorded";
    public const string NotConcluded = "Cases:NotConcluded";
    public const string NoAgreementToFollowUp = "Cases:NoAgreementToFollowUp";
    public const string VisitAlreadyRecorded = "Cases:VisitAlreadyRecorded";
    public const string TermPerformanceMissing = "Cases:TermPerformanceMissing";
    public const string TermNotCovered = "Cases:TermNotCovered";
    public const string PartySatisfactionMissing = "Cases:PartySatisfactionMissing";
    public const string ContinuationConsentMissing = "Cases:ContinuationConsentMissing";
    public const string TermNotLonger = "Cases:TermNotLonger";
    public const string TermClockMissing = "Cases:TermClockMissing";
    public const string NotTerminated = "Cases:NotTerminated";
    public const string TerminationNoticeAlreadyIssued = "Cases:TerminationNoticeAlreadyIssued";
    public const string MinutesAlreadyIssued = "Cases:MinutesAlreadyIssued";
    public const string VisitInFuture = "Cases:VisitInFuture";
    public const string DaysOrUntil = "Cases:DaysOrUntil";
    public const string ConsentInFuture = "Cases:ConsentInFuture";
    public const string SourceReservedForHandOver = "Cases:SourceReservedForHandOver";
}
