using Mediation.Petitions;
using Mediation.ServiceDesk;

namespace Mediation.Integrations.Domain;

/// <summary>
/// What the integrating system is told a record's status means: the stages the record has certainly passed through to reach it, in
/// order. The change events carry ids and the record is read as it is now, so a request taken and concluded between two reads has still
/// been acknowledged; a petition not accepted never was, and is told only that it is closed.
/// </summary>
public static class StageOf
{
    private static readonly WorkOrderStage[] None = [];
    private static readonly WorkOrderStage[] Acknowledged = [WorkOrderStage.Acknowledged];
    private static readonly WorkOrderStage[] Replied = [WorkOrderStage.Acknowledged, WorkOrderStage.Replied];
    private static readonly WorkOrderStage[] RepliedAndClosed = [WorkOrderStage.Acknowledged, WorkOrderStage.Replied, WorkOrderStage.Closed];
    private static readonly WorkOrderStage[] Closed = [WorkOrderStage.Closed];

    public static IReadOnlyList<WorkOrderStage> Petition(PetitionStatus status) => status switch
    {
        PetitionStatus.Accepted or PetitionStatus.HandedOverToMediation or PetitionStatus.SuggestionUnderStudy or PetitionStatus.LinkedAsRepeat => Acknowledged,
        // 复查 / 复核 follow a reply: the reply was told; the later opinions are not news of another stage.
        PetitionStatus.Replied or PetitionStatus.Reviewed or PetitionStatus.Reexamined or PetitionStatus.SuggestionAnswered
            or PetitionStatus.UnderReview or PetitionStatus.UnderReexamination => Replied,
        // Not accepted here, led into another procedure (Art. 31 (一)–(五)), returned to the sending body (Art. 23 ¶3), or routed to the
        // discipline body (Art. 30): closed here without a reply of ours.
        PetitionStatus.NotAccepted or PetitionStatus.LedIntoProcedure or PetitionStatus.TransferReturned or PetitionStatus.RoutedToDisciplineBody => Closed,
        _ => None,
    };

    public static IReadOnlyList<WorkOrderStage> DeskRequest(RequestStatus status) => status switch
    {
        RequestStatus.InHandling or RequestStatus.AwaitingMaterials => Acknowledged,
        // A 不满意 rating puts a concluded request under review; its 办结告知 was the reply.
        RequestStatus.Concluded or RequestStatus.UnderReview => Replied,
        RequestStatus.Closed => RepliedAndClosed,
        _ => None,
    };
}
