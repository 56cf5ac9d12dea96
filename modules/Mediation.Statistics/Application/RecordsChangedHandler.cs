using Mediation.Cases;
using Mediation.Core.Messaging;
using Mediation.JointMeetings;
using Mediation.LegalWindows;
using Mediation.Petitions;
using Mediation.ServiceDesk;

namespace Mediation.Statistics.Application;

/// <summary>Each module's change event re-reads the records it names.</summary>
internal sealed class RecordsChangedHandler(FactKeeper keeper) : IIntegrationEventHandler<CasesChangedEto>, IIntegrationEventHandler<PetitionsChangedEto>,
    IIntegrationEventHandler<ServiceRecordsChangedEto>, IIntegrationEventHandler<TasksChangedEto>, IIntegrationEventHandler<DeskRequestsChangedEto>
{
    public Task HandleAsync(CasesChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        keeper.RefreshAsync(RecordKind.Case, integrationEvent.CaseIds, cancellationToken);

    public Task HandleAsync(PetitionsChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        keeper.RefreshAsync(RecordKind.Petition, integrationEvent.PetitionIds, cancellationToken);

    public Task HandleAsync(ServiceRecordsChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        keeper.RefreshAsync(RecordKind.LegalService, integrationEvent.RecordIds, cancellationToken);

    public Task HandleAsync(TasksChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        keeper.RefreshAsync(RecordKind.MeetingTask, integrationEvent.TaskIds, cancellationToken);

    public Task HandleAsync(DeskRequestsChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        keeper.RefreshAsync(RecordKind.DeskRequest, integrationEvent.RequestIds, cancellationToken);
}
