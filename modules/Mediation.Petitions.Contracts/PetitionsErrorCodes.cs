namespace Mediation.Petitions;

public static class PetitionsErrorCodes
{
    public const string NoPetitioner = "Petitions:NoPetitioner";
    public const string IdCardInvalid = "Petitions:IdCardInvalid";
    public const string TransferDetailsMissing = "Petitions:TransferDetailsMissing";
    public const string NotAwaitingDecision = "Petitions:NotAwaitingDecision";
    public const string NotTransferred = "Petitions:NotTransferred";
    public const string ObjectionPeriodOver = "Petitions:ObjectionPeriodOver";
    public const string NotInHandling = "Petitions:NotInHandling";
    public const string AlreadyPaused = "Petitions:AlreadyPaused";
    public const string NotPaused = "Petitions:NotPaused";
    public const string HandlingPaused = "Petitions:HandlingPaused";
    public const string ExtensionTooLong = "Petitions:ExtensionTooLong";
    public const string AlreadyExtended = "Petitions:AlreadyExtended";
    public const string ApproverIsHandler = "Petitions:ApproverIsHandler";
    public const string NotReplied = "Petitions:NotReplied";
    public const string NotReviewed = "Petitions:NotReviewed";
    public const string RequestPeriodOver = "Petitions:RequestPeriodOver";
    public const string NoReviewPending = "Petitions:NoReviewPending";
    public const string NoReexaminationPending = "Petitions:NoReexaminationPending";
    public const string MatterReexamined = "Petitions:MatterReexamined";
    public const string RepeatTargetNotOpen = "Petitions:RepeatTargetNotOpen";
    public const string CannotLinkToItself = "Petitions:CannotLinkToItself";
    public const string Closed = "Petitions:Closed";
    public const string JointMeetingAlreadyRequested = "Petitions:JointMeetingAlreadyRequested";
    public const string AttachmentTooLarge = "Petitions:AttachmentTooLarge";
    public const string AttachmentTypeNotAllowed = "Petitions:AttachmentTypeNotAllowed";
    public const string AttachmentMissing = "Petitions:AttachmentMissing";
    public const string JointMeetingNeedsDepartments = "Petitions:JointMeetingNeedsDepartments";
    public const string AlreadyHandedOver = "Petitions:AlreadyHandedOver";
    public const string HandOverSpecialisedBodyMatter = "Petitions:HandOverSpecialisedBodyMatter";
    public const string HandOverInLitigationOrArbitration = "Petitions:HandOverInLitigationOrArbitration";
    public const string HandOverAdministrativeDispute = "Petitions:HandOverAdministrativeDispute";
    public const string HandOverPartyRefuses = "Petitions:HandOverPartyRefuses";
    public const string HandOverConsentMissing = "Petitions:HandOverConsentMissing";
    public const string HandOverNeedsOtherParty = "Petitions:HandOverNeedsOtherParty";
    public const string PauseNotProvided = "Petitions:PauseNotProvided";
    public const string HearingEndsBeforeItStarts = "Petitions:HearingEndsBeforeItStarts";
    public const string DetailsAlreadyKnown = "Petitions:DetailsAlreadyKnown";
    public const string NotTheReviewingUnit = "Petitions:NotTheReviewingUnit";
    public const string NoHigherUnit = "Petitions:NoHigherUnit";
    public const string DateInFuture = "Petitions:DateInFuture";
    public const string NoObjectionPending = "Petitions:NoObjectionPending";
    public const string AgreementNotYetEffective = "Petitions:AgreementNotYetEffective";
}
