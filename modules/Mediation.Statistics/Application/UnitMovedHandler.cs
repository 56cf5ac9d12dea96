using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits;

namespace Mediation.Statistics.Application;

/// <summary>A unit moved in the tree: its subtree's facts take the units' new place at once, so every roll-up follows the new tree.</summary>
internal sealed class UnitMovedHandler(FactKeeper keeper) : IIntegrationEventHandler<OrgUnitChangedEto>
{
    public Task HandleAsync(OrgUnitChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        integrationEvent.Change is OrgUnitChange.Moved ? keeper.RekeySubtreeAsync(integrationEvent.OrgUnitId, cancellationToken) : Task.CompletedTask;
}
