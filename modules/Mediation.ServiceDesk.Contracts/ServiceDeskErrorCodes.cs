namespace Mediation.ServiceDesk;

public static class ServiceDeskErrorCodes
{
    public const string CreditCodeInvalid = "ServiceDesk:CreditCodeInvalid";
    public const string CreditCodeTaken = "ServiceDesk:CreditCodeTaken";
    public const string PhoneInvalid = "ServiceDesk:PhoneInvalid";
    public const string EnterpriseNotPending = "ServiceDesk:EnterpriseNotPending";
    public const string EnterpriseNotApproved = "ServiceDesk:EnterpriseNotApproved";
    public const string NotEnterpriseAdmin = "ServiceDesk:NotEnterpriseAdmin";
    public const string NotAnEnterpriseUser = "ServiceDesk:NotAnEnterpriseUser";
    public const string UnknownMaterial = "ServiceDesk:UnknownMaterial";
    public const string AlreadyTaken = "ServiceDesk:AlreadyTaken";
    public const string NotTaken = "ServiceDesk:NotTaken";
    public const string NotOwner = "ServiceDesk:NotOwner";
    public const string TransferToSelf = "ServiceDesk:TransferToSelf";
    public const string TransferTargetMissing = "ServiceDesk:TransferTargetMissing";
    public const string TransferTargetNotOfficer = "ServiceDesk:TransferTargetNotOfficer";
    public const string NotInHandling = "ServiceDesk:NotInHandling";
    public const string NothingMissing = "ServiceDesk:NothingMissing";
    public const string NoticeItemsRequired = "ServiceDesk:NoticeItemsRequired";
    public const string ItemNotOnFirstNotice = "ServiceDesk:ItemNotOnFirstNotice";
    public const string NotAwaitingMaterials = "ServiceDesk:NotAwaitingMaterials";
    public const string NotRequested = "ServiceDesk:NotRequested";
    public const string NotConcluded = "ServiceDesk:NotConcluded";
    public const string AlreadyRated = "ServiceDesk:AlreadyRated";
    public const string DissatisfiedNeedsComment = "ServiceDesk:DissatisfiedNeedsComment";
    public const string NotUnderReview = "ServiceDesk:NotUnderReview";
    public const string NotALegalMatter = "ServiceDesk:NotALegalMatter";
    public const string RouteAlreadyRecorded = "ServiceDesk:RouteAlreadyRecorded";
    public const string NoRoute = "ServiceDesk:NoRoute";
    public const string MediationNeedsHandOff = "ServiceDesk:MediationNeedsHandOff";
    public const string ConsentMissing = "ServiceDesk:ConsentMissing";
    public const string ProblemAlreadyRaised = "ServiceDesk:ProblemAlreadyRaised";
    public const string UnknownProblem = "ServiceDesk:UnknownProblem";
    public const string PeriodInvalid = "ServiceDesk:PeriodInvalid";
    public const string DeskNotConfigured = "ServiceDesk:DeskNotConfigured";
    public const string RequestClosed = "ServiceDesk:RequestClosed";
    public const string AttachmentMissing = "ServiceDesk:AttachmentMissing";
    public const string AttachmentTooLarge = "ServiceDesk:AttachmentTooLarge";
    public const string AttachmentTypeNotAllowed = "ServiceDesk:AttachmentTypeNotAllowed";
    public const string TooManyAttachments = "ServiceDesk:TooManyAttachments";
    public const string PetitionNeedsHandOff = "ServiceDesk:PetitionNeedsHandOff";
    public const string EscalationReasonRequired = "ServiceDesk:EscalationReasonRequired";
    public const string EscalationPending = "ServiceDesk:EscalationPending";
    public const string NoUnitAbove = "ServiceDesk:NoUnitAbove";
    public const string NotEscalated = "ServiceDesk:NotEscalated";
    public const string NotEscalatedToYourUnit = "ServiceDesk:NotEscalatedToYourUnit";
}
