using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// 上报. The owner sends a request his desk cannot settle to the unit above the one holding it. The request stays in the desk's unit
/// (its data scope does not move), so the first responder keeps seeing it; the unit above sees it anyway, since a unit sees the
/// records of the units below it. The unit above learns of it by a notice written from the outbox (<see cref="EscalationNoticeHandler"/>):
/// the escalating officer's own unit of work may only write inside his subtree, and his parent unit is outside it.
/// </summary>
internal sealed class EscalationAppService(MediationDbContext db, DeskScope scope, RequestAppService requests, IOrgUnitDirectory units,
    IIntegrationEventPublisher events, ICurrentUser user, TimeProvider clock)
{
    public async Task<DeskRequestDto> EscalateAsync(Guid id, EscalateInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Reason, "reason").MaxLength(input.Reason, 500, "reason").ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        // The tree is read as a directory, not as records: a unit's parent is no data of the parent's.
        var holding = await units.GetAsync(request.HoldingUnitId, ct);
        var above = holding.ParentId is { } parentId ? await units.FindAsync(parentId, ct) : null;
        if (above is null || !above.IsActive) throw new BusinessException(ServiceDeskErrorCodes.NoUnitAbove);
        var now = clock.GetUtcNow();
        request.Escalate(scope.Actor, above.Id, above.Name, input.Reason!, now);
        events.Publish(new DeskRequestEscalatedEto(request.Id, request.Number, holding.Id, above.Id, request.EscalationReason!, scope.Actor.Name, now));
        await db.SaveChangesAsync(ct);
        return await requests.ToDtoAsync(request, ct);
    }

    /// <summary>An officer of the unit the request was escalated to (or of a unit above it) takes it over and becomes its owner.</summary>
    public async Task<DeskRequestDto> AcceptAsync(Guid id, AcceptEscalationInput input, CancellationToken ct)
    {
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        if (request.EscalatedToUnitId is not { } target || !request.EscalationPending)
            throw new BusinessException(ServiceDeskErrorCodes.NotEscalated);
        var unit = await units.GetAsync(target, ct);
        if (user.OrgUnitPath is not { } mine || !unit.Path.StartsWith(mine, StringComparison.Ordinal))
            throw new ForbiddenException(ServiceDeskErrorCodes.NotEscalatedToYourUnit);
        request.AcceptEscalation(scope.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await requests.ToDtoAsync(request, ct);
    }
}
