using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Templates;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// The desk's written notices, issued into the archive by the action they record, inside its transaction: 受理回执 when an officer
/// takes the request (即收即复, 首问负责), 补正材料一次性告知书 with every missing item at once, 办结告知书 with the result. Numbers follow
/// GB/T 9704 without padding: the receipt carries the request's own (肥城接诉〔2026〕3号 → 肥城接诉受〔2026〕3号); materials and
/// completion notices, of which a request may have several, take the desk's yearly sequences (肥城接诉补〔2026〕1号, 肥城接诉结〔2026〕1号).
/// </summary>
internal sealed class DeskDocuments(MediationDbContext db, IDocumentArchive documents, INumberSequence numbers, IOrgUnitDirectory directory,
    IOptions<ServiceDeskOptions> options, TimeProvider clock)
{
    public const string AcknowledgementTemplate = "desk-acknowledgement";
    public const string MaterialsNoticeTemplate = "desk-materials-notice";
    public const string CompletionTemplate = "desk-completion-notice";
    public const string MaterialsNoticeNumberKind = "service-desk.materials-notice";
    public const string CompletionNumberKind = "service-desk.completion-notice";

    public async Task AcknowledgementAsync(DeskRequest request, DateOnly feedbackDueOn, CancellationToken ct)
    {
        var model = await ModelAsync(request, ct);
        model["submitted_at"] = ChineseDates.FormatWithTime(request.SubmittedAt);
        model["acknowledged_at"] = ChineseDates.FormatWithTime(request.AcknowledgedAt!.Value);
        model["owner"] = request.FirstResponderName;
        model["feedback_days"] = request.Complex ? 15 : 7;
        model["feedback_due_on"] = ChineseDates.Format(feedbackDueOn);
        var number = request.Number.Replace("〔", "受〔", StringComparison.Ordinal);
        var issued = await documents.IssueAsync(new IssueFromTemplate(AcknowledgementTemplate, number, RequestAppService.RecordType, request.Id.ToString(),
            request.OrgUnitId, model), ct);
        request.AcknowledgementIssued(issued.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <param name="officerName">The issuing officer's display name, which the notice prints (the record keeps his login).</param>
    public async Task MaterialsNoticeAsync(DeskRequest request, MaterialsNotice notice, string officerName, CancellationToken ct)
    {
        var model = await ModelAsync(request, ct);
        model["items"] = notice.ItemList.Select(MaterialsChecklist.NameOf).ToList();
        model["reason"] = notice.Reason;
        model["officer"] = officerName;
        var number = await NextNumberAsync(MaterialsNoticeNumberKind, "补", request, ct);
        var issued = await documents.IssueAsync(new IssueFromTemplate(MaterialsNoticeTemplate, number, RequestAppService.RecordType, request.Id.ToString(),
            request.OrgUnitId, model), ct);
        notice.DocumentId = issued.Id;
        await db.SaveChangesAsync(ct);
    }

    public async Task CompletionAsync(DeskRequest request, CancellationToken ct)
    {
        var model = await ModelAsync(request, ct);
        model["submitted_on"] = ChineseDates.Format(request.SubmittedAt);
        model["concluded_on"] = ChineseDates.Format(request.ConcludedAt!.Value);
        model["result"] = request.Result ?? "";
        model["owner"] = request.OwnerDepartment is { } department ? $"{request.OwnerName}（已转{department}办理）" : request.OwnerName;
        var number = await NextNumberAsync(CompletionNumberKind, "结", request, ct);
        var issued = await documents.IssueAsync(new IssueFromTemplate(CompletionTemplate, number, RequestAppService.RecordType, request.Id.ToString(),
            request.OrgUnitId, model), ct);
        request.CompletionNoticeIssued(issued.Id);
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> NextNumberAsync(string kind, string marker, DeskRequest request, CancellationToken ct)
    {
        var year = ChinaTime.ToChina(clock.GetUtcNow()).Year;
        var sequence = await numbers.NextAsync(kind, request.OrgUnitId, year, ct);
        return OfficialNumber.Format(options.Value.NumberPrefix + marker, year, sequence);
    }

    private async Task<Dictionary<string, object?>> ModelAsync(DeskRequest request, CancellationToken ct)
    {
        var enterprise = await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == request.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        return new Dictionary<string, object?>
        {
            ["office"] = IssuingBody(await directory.GetAsync(request.OrgUnitId, ct)),
            ["enterprise"] = enterprise,
            ["request_number"] = request.Number,
            ["title"] = request.Title,
            ["kind"] = LedgerAppService.KindName(request.Kind),
        };
    }

    /// <summary>
    /// 发文机关: the name the unit's administrator gave; until one is given, the desk named after its unit (肥城市政法服务先行区), since a
    /// bare place name is not a body that may issue a notice.
    /// </summary>
    internal static string IssuingBody(OrgUnitInfo unit) => unit.IssuingBodyName != unit.Name ? unit.IssuingBodyName : unit.Name + "政法服务先行区";
}
