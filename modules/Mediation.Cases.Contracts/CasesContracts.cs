using Mediation.Core.Messaging;

namespace Mediation.Cases;

public enum DisputeType
{
    MarriageFamily,
    Neighbourhood,
    HousingHomestead,
    Contract,
    Damages,
    Labour,
    LandContract,
    Other,
}

public enum CaseSource
{
    WalkIn,
    PetitionHandover,
    LegalWindowReferral,
    CourtEntrustment,
    JointMeeting,
}

public enum CommitteeKind
{
    VillageOrResidents,
    TownshipOrStreet,
    Specialised,
}

public enum PartyKind
{
    Person,
    Organisation,
}

/// <summary>四色预警: red is the highest risk of escalation (民转刑).</summary>
public enum RiskGrade
{
    Blue = 1,
    Yellow = 2,
    Orange = 3,
    Red = 4,
}

public enum CaseStatus
{
    Registered,
    InMediation,
    Concluded,
}

public sealed record CommitteeDto(Guid Id, Guid OrgUnitId, string Name, string ShortName, CommitteeKind Kind,
    IReadOnlyList<CommitteeMediatorDto> Mediators, string ConcurrencyStamp);

public sealed record CommitteeMediatorDto(Guid UserId, string Name, bool IsHead);

public sealed record CreateCommitteeInput(Guid? OrgUnitId, string? Name, string? ShortName, CommitteeKind? Kind);

public sealed record AddMediatorInput(Guid? UserId, string? Name, bool IsHead);

public sealed record PartyInput(PartyKind? Kind, string? Name, string? IdCardNumber, string? CreditCode, string? Representative,
    string? Phone, string? Address, bool ConsentsToMediation);

public sealed record RegisterCaseInput(Guid? CommitteeId, DisputeType? DisputeType, string? Summary, decimal? AmountInDispute,
    string? Place, CaseSource? Source, string? SourceRecordId, IReadOnlyList<PartyInput>? Parties, IReadOnlyList<Guid>? MediatorIds,
    RiskGrade? RiskGrade, string? RiskReason);

public sealed record PartyDto(Guid Id, PartyKind Kind, string Name, string? IdCardNumber, string? CreditCode, string? Representative,
    string? Phone, string? Address, bool ConsentsToMediation);

public sealed record RiskAssessmentDto(RiskGrade Grade, string? Reason, DateTimeOffset AssessedAt, string? AssessedBy);

public sealed record CaseSummaryDto(Guid Id, string Number, DisputeType DisputeType, string Summary, CaseStatus Status,
    RiskGrade RiskGrade, Guid CommitteeId, DateTimeOffset RegisteredAt);

public sealed record CaseDto(Guid Id, string Number, Guid CommitteeId, Guid OrgUnitId, DisputeType DisputeType, string Summary,
    decimal? AmountInDispute, string? Place, CaseSource Source, string? SourceRecordId, CaseStatus Status, RiskGrade RiskGrade,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<Guid> MediatorIds, IReadOnlyList<RiskAssessmentDto> RiskHistory,
    DateTimeOffset RegisteredAt, string ConcurrencyStamp);

public sealed record AssessRiskInput(RiskGrade? Grade, string? Reason, string? ConcurrencyStamp);

public sealed record AssignMediatorsInput(IReadOnlyList<Guid>? CaseIds, IReadOnlyList<Guid>? MediatorIds);

/// <summary>A case was raised to red: the supervising 综治中心 is told at once and the police liaison is asked for.</summary>
public sealed record CaseRaisedToRedEto(Guid CaseId, string Number, Guid OrgUnitId, string? Reason) : IIntegrationEvent
{
    public const string EventName = "cases.case-raised-to-red";
}
