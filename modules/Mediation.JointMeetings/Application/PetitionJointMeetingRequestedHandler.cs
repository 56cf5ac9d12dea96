using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits;
using Mediation.JointMeetings.Domain;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.JointMeetings.Application;

/// <summary>
/// 信访工作条例 Art. 24: a matter of several bodies goes to their common joint meeting. The petition's request becomes a proposed
/// agenda item of the nearest working group at or above the petition's unit; a repeated delivery proposes nothing twice.
/// </summary>
internal sealed class PetitionJointMeetingRequestedHandler(MediationDbContext db, IOrgUnitDirectory orgUnits, ILogger<PetitionJointMeetingRequestedHandler> logger)
    : IIntegrationEventHandler<PetitionJointMeetingRequestedEto>
{
    public const string ProposedBy = "信访事项提请";

    public async Task HandleAsync(PetitionJointMeetingRequestedEto e, IntegrationEventContext context, CancellationToken ct)
    {
        if (await db.Set<AgendaItem>().AnyAsync(i => i.Source == AgendaItemSource.PetitionRequest && i.LinkedRecordId == e.PetitionId, ct)) return;
        var path = await orgUnits.PathAsync(e.OrgUnitId, ct);
        var ids = path.Select(u => u.Id).ToList();
        var groups = await db.Set<WorkingGroup>().Where(g => ids.Contains(g.OrgUnitId)).ToListAsync(ct);
        var group = path.AsEnumerable().Reverse().Select(u => groups.FirstOrDefault(g => g.OrgUnitId == u.Id)).FirstOrDefault(g => g is not null);
        if (group is null)
        {
            logger.LogWarning("Petition {Number} asked for a joint meeting, but no working group exists at or above its unit", e.Number);
            return;
        }
        var title = Cut($"{e.Number}：{e.Matter}", 200);
        var description = Cut($"提请理由：{e.Reason}。涉及单位：{string.Join("、", e.Departments)}。", 2000);
        db.Add(new AgendaItem(Guid.CreateVersion7(), group, title, description, AgendaItemSource.PetitionRequest, LinkedRecordType.Petition, e.PetitionId,
            e.Number, context.OccurredAt, ProposedBy));
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A linked desk request concluded (办结告知): its agenda items, and so their tasks, show that with the desk's result.</summary>
internal sealed class LinkedDeskRequestConcludedHandler(MediationDbContext db) : IIntegrationEventHandler<DeskRequestConcludedEto>
{
    public async Task HandleAsync(DeskRequestConcludedEto e, IntegrationEventContext context, CancellationToken ct)
    {
        var items = await db.Set<AgendaItem>().Where(i => i.LinkedRecordType == LinkedRecordType.DeskRequest && i.LinkedRecordId == e.RequestId).ToListAsync(ct);
        var note = "接诉即办已办结告知：" + e.Result;
        var changed = false;
        foreach (var item in items) changed |= item.LinkedRecordClosed(e.ConcludedAt, note.Length > 500 ? note[..499] + "…" : note);
        if (changed) await db.SaveChangesAsync(ct);
    }
}

/// <summary>A linked mediation case concluded: its agenda items show that, with the outcome, from the Cases module's own event.</summary>
internal sealed class LinkedCaseConcludedHandler(MediationDbContext db) : IIntegrationEventHandler<CaseConcludedEto>
{
    public async Task HandleAsync(CaseConcludedEto e, IntegrationEventContext context, CancellationToken ct)
    {
        var items = await db.Set<AgendaItem>().Where(i => i.LinkedRecordType == LinkedRecordType.MediationCase && i.LinkedRecordId == e.CaseId).ToListAsync(ct);
        var note = e.Outcome switch
        {
            CaseOutcome.Succeeded => "调解成功，达成书面调解协议",
            CaseOutcome.OralAgreement => "调解成功，达成口头协议",
            CaseOutcome.Failed => "调解不成",
            _ => "终止调解",
        };
        var concludedAt = e.ConcludedAt == default ? context.OccurredAt : e.ConcludedAt;
        var changed = false;
        foreach (var item in items) changed |= item.LinkedRecordClosed(concludedAt, note);
        if (changed) await db.SaveChangesAsync(ct);
    }
}
