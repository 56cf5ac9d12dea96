using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Messaging;
using Mediation.Core.Notifications;
using Mediation.Core.OrgUnits;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

/// <summary>
/// 访调对接: the handed-over case was opened again after the court refused its agreement (cases.case-reopened). The petition's
/// timeline records it, an unreplied petition waits for the new result, and the handling officer is told in the unit's inbox.
/// </summary>
internal sealed class CaseReopenedHandler(MediationDbContext db, IUserDirectory users, IOrgUnitDirectory orgUnits, INoticeOutbox notices)
    : IIntegrationEventHandler<CaseReopenedEto>
{
    public const string NoticeTemplate = "petition-mediation-reopened";

    public async Task HandleAsync(CaseReopenedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (e.Source is not CaseSource.PetitionHandover || !Guid.TryParse(e.SourceRecordId, out var petitionId)) return;
        var petition = await db.Set<Petition>().SingleOrDefaultAsync(p => p.Id == petitionId, cancellationToken);
        if (petition is null || !petition.RecordMediationReopened(e.CaseId, e.CourtName, e.RefusedOn, e.ReopenedAt)) return;

        var officer = petition.HandledBy is { } handler ? (await users.FindByUserNameAsync(handler, cancellationToken))?.DisplayName : null;
        var unit = await orgUnits.FindAsync(petition.OrgUnitId, cancellationToken);
        await notices.AddAsync(new NoticeRequest(NoticeTemplate, petition.OrgUnitId, new Dictionary<string, object?>
        {
            ["unit_name"] = unit is null ? "" : unit.IssuingBodyName,
            ["officer"] = officer ?? "",
            ["petition_number"] = petition.Number,
            ["case_number"] = e.Number,
            ["court"] = string.IsNullOrWhiteSpace(e.CourtName) ? "人民法院" : e.CourtName.Trim(),
            ["refused_on"] = e.RefusedOn,
            ["reopened_on"] = ChinaTime.DateOf(e.ReopenedAt),
            ["replied"] = petition.Status is not PetitionStatus.HandedOverToMediation,
        }, $"{petition.Id:N}:mediation-reopened:{context.MessageId:N}", $"/Petitions/{petition.Id}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
