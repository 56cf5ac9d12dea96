namespace Mediation.Cases;

/// <summary>Names of the deadline policies the Cases module declares (CasesModule.DeadlinePolicies).</summary>
public static class CasesPolicies
{
    public const string Term = "mediation.term";
    public const string TermExtension = "mediation.term-extension";
    public const string FollowUp = "mediation.follow-up";
    public const string JudicialConfirmation = "mediation.judicial-confirmation";
}
