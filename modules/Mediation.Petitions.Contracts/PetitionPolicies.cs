namespace Mediation.Petitions;

/// <summary>Names of the deadline policies the Petitions module declares (PetitionsModule.DeadlinePolicies).</summary>
public static class PetitionPolicies
{
    public const string AcceptanceNotice = "petition.acceptance-notice";
    public const string MisroutedObjection = "petition.misrouted-objection";
    public const string Handling = "petition.handling";
    public const string HandlingExtension = "petition.handling-extension";
    public const string ReviewRequest = "petition.review-request";
    public const string ReviewAnswer = "petition.review-answer";
    public const string ReexaminationRequest = "petition.reexamination-request";
    public const string ReexaminationAnswer = "petition.reexamination-answer";
    public const string ReexaminationHearing = "petition.reexamination-hearing";
}
