namespace Mediation.ServiceDesk;

/// <summary>Names of the deadline policies the ServiceDesk module declares (ServiceDeskModule.DeadlinePolicies).</summary>
public static class ServiceDeskPolicies
{
    public const string Acknowledgement = "desk.acknowledgement";
    public const string AcknowledgementUrgent = "desk.acknowledgement-urgent";
    public const string Feedback = "desk.feedback";
    public const string FeedbackComplex = "desk.feedback-complex";
}
