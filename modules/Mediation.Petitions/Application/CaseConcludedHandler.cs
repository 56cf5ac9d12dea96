using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

/// <summary>
/// 访调对接, the way back: a handed-over case concluded, so its petition records the outcome on its timeline, returns to handling
/// and its 60-day clock runs again for the reply. The dispatcher's inbox delivers each message once; a petition that already
/// recorded the result (or a case not from a petition) is left alone.
/// </summary>
internal sealed class CaseConcludedHandler(MediationDbContext db, IDeadlineClocks clocks, TimeProvider clock) : IIntegrationEventHandler<CaseConcludedEto>
{
    public const string ResumedBy = "访调对接";

    public async Task HandleAsync(CaseConcludedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (e.Source is not CaseSource.PetitionHandover || !Guid.TryParse(e.SourceRecordId, out var petitionId)) return;
        var petition = await db.Set<Petition>().SingleOrDefaultAsync(p => p.Id == petitionId, cancellationToken);
        if (petition is null) return;
        var result = e.Outcome switch
        {
            CaseOutcome.Succeeded => MediationResult.Succeeded,
            CaseOutcome.OralAgreement => MediationResult.OralAgreement,
            CaseOutcome.Failed => MediationResult.Failed,
            _ => MediationResult.Terminated,
        };
        var detail = result is MediationResult.Succeeded or MediationResult.OralAgreement
            ? e.AgreementSummary
            : Join(e.Reason, e.OtherRoutes is { Count: > 0 } routes ? "可选择的其他途径：" + string.Join("、", routes.Select(RouteName)) : null);
        var concludedAt = e.ConcludedAt == default ? context.OccurredAt : e.ConcludedAt;
        if (!petition.RecordMediationResult(e.CaseId, result, detail, concludedAt, clock.GetUtcNow())) return;
        await db.SaveChangesAsync(cancellationToken);
        var handling = (await clocks.ForRecordAsync(Petition.RecordType, petition.Id, cancellationToken))
            .Where(c => c.Policy == PetitionPolicies.Handling && c.Status == ClockStatus.Paused).MaxBy(c => c.StartedAt);
        if (handling is not null)
            await clocks.ResumeAsync(handling.Id, new ResumeClockInput(ResumedBy, handling.ConcurrencyStamp), cancellationToken);
    }

    private static string? Join(string? first, string? second) =>
        string.Join("。", new[] { first?.Trim(), second }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } joined ? joined : null;

    private static string RouteName(OtherRoute route) => route switch
    {
        OtherRoute.Arbitration => "仲裁",
        OtherRoute.Administrative => "行政途径",
        _ => "向人民法院提起诉讼",
    };
}
