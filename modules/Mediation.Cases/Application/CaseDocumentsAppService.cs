using System.Globalization;
using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Templates;

namespace Mediation.Cases.Application;

/// <summary>调解笔录 and 终止调解告知书, issued into the document archive like the agreement: printed once, reprinted from the archive.</summary>
internal sealed class CaseDocumentsAppService(MediationDbContext db, CaseAppService cases, IDocumentArchive documents)
{
    public const string TerminationNoticeTemplate = "termination-notice";
    public const string MinutesTemplate = "session-minutes";

    private static readonly Dictionary<ParticipantRole, string> ParticipantRoleNames = new()
    {
        [ParticipantRole.Lawyer] = "律师",
        [ParticipantRole.GrassrootsLegalWorker] = "基层法律服务工作者",
    };

    private static readonly Dictionary<DisputeType, string> DisputeTypeNames = new()
    {
        [DisputeType.MarriageFamily] = "婚姻家庭纠纷",
        [DisputeType.Neighbourhood] = "邻里纠纷",
        [DisputeType.HousingHomestead] = "房屋宅基地纠纷",
        [DisputeType.Contract] = "合同纠纷",
        [DisputeType.Damages] = "损害赔偿纠纷",
        [DisputeType.Labour] = "劳动争议纠纷",
        [DisputeType.LandContract] = "土地承包纠纷",
        [DisputeType.Other] = "其他纠纷",
    };

    /// <summary>Art. 26: the other routes, worded as the notice tells them for this kind of dispute.</summary>
    internal static string RouteText(DisputeType disputeType, OtherRoute route) => (disputeType, route) switch
    {
        (DisputeType.Labour, OtherRoute.Arbitration) =>
            "向劳动争议仲裁委员会申请劳动争议仲裁（劳动争议须先经仲裁，《中华人民共和国劳动争议调解仲裁法》第五条）",
        (DisputeType.Labour, OtherRoute.Court) => "对劳动争议仲裁裁决不服的，除法律另有规定外，可以自收到仲裁裁决书之日起十五日内向人民法院提起诉讼",
        (DisputeType.LandContract, OtherRoute.Arbitration) => "向农村土地承包仲裁委员会申请仲裁",
        (_, OtherRoute.Arbitration) => "各方当事人达成仲裁协议的，向仲裁委员会申请仲裁",
        (_, OtherRoute.Administrative) => "请求有关行政机关依法处理",
        _ => "依法向人民法院提起诉讼",
    };

    /// <summary>Why a route the parties may expect is missing from the notice.</summary>
    internal static string? RouteNote(DisputeType disputeType) => disputeType switch
    {
        DisputeType.MarriageFamily => "婚姻、收养、监护、扶养、继承纠纷不能仲裁（《中华人民共和国仲裁法》第三条）。",
        _ => null,
    };

    /// <summary>终止调解告知书 (人民调解法 Art. 26): why mediation ended and where the parties may turn.</summary>
    public async Task<CaseDocumentIssuedDto> IssueTerminationNoticeAsync(Guid id, CancellationToken ct)
    {
        var mediationCase = await cases.FindCaseAsync(id, ct);
        mediationCase.EnsureTerminationNoticeCanBeIssued();
        var committee = await cases.FindCommitteeAsync(mediationCase.CommitteeId, ct);
        var model = new Dictionary<string, object?>
        {
            ["committee"] = committee.Name,
            ["case_number"] = mediationCase.Number,
            ["parties"] = Parties(mediationCase),
            ["dispute_type"] = DisputeTypeNames[mediationCase.DisputeType],
            ["summary"] = mediationCase.Summary,
            ["registered_on"] = ChineseDates.Format(ChinaTime.DateOf(mediationCase.RegisteredAt)),
            ["concluded_on"] = ChineseDates.Format(ChinaTime.DateOf(mediationCase.ConcludedAt!.Value)),
            ["reason"] = string.IsNullOrWhiteSpace(mediationCase.TerminationReason) ? "各方当事人未能达成调解协议" : mediationCase.TerminationReason,
            ["routes"] = mediationCase.OtherRoutes.Select(r => (object?)RouteText(mediationCase.DisputeType, r)).ToList(),
            ["route_note"] = RouteNote(mediationCase.DisputeType),
            ["mediator"] = MediatorNames(mediationCase, committee),
        };
        var document = await documents.PrepareAsync(new IssueFromTemplate(TerminationNoticeTemplate, mediationCase.Number + "终止告知",
            CaseAppService.RecordType, mediationCase.Id.ToString(), mediationCase.OrgUnitId, model), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var issued = await documents.IssueAsync(document, ct);
        mediationCase.TerminationNoticeIssued(issued.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CaseDocumentIssuedDto(mediationCase.Id, issued.Id, issued.Number);
    }

    /// <summary>调解笔录 of one session, with a signature line for every attendee and every party.</summary>
    public async Task<CaseDocumentIssuedDto> IssueMinutesAsync(Guid id, int sessionNumber, CancellationToken ct)
    {
        var mediationCase = await cases.FindCaseAsync(id, ct);
        var session = mediationCase.Session(sessionNumber);
        session.EnsureMinutesCanBeIssued();
        var committee = await cases.FindCommitteeAsync(mediationCase.CommitteeId, ct);
        var parties = mediationCase.Parties.OrderBy(p => p.Position).ToList();
        var attendees = session.Attendees.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var invited = mediationCase.Participants.Where(p => p.SessionNumber == session.Number).OrderBy(p => p.RecordedAt).ToList();
        var signers = attendees.Concat(invited.Select(p => p.Name)).Concat(parties.Select(p => p.Name)).Distinct(StringComparer.Ordinal)
            .Select(n => n + "（签名）").ToList();
        var model = new Dictionary<string, object?>
        {
            ["committee"] = committee.Name,
            ["case_number"] = mediationCase.Number,
            ["session_number"] = session.Number,
            ["held_at"] = ChineseDates.FormatWithTime(session.HeldAt),
            ["place"] = session.Place,
            ["dispute_type"] = DisputeTypeNames[mediationCase.DisputeType],
            ["summary"] = mediationCase.Summary,
            ["attendees"] = string.Join("、", attendees),
            ["invited"] = string.Join("、", invited.Select(p => $"{p.Name}（{string.Join("，", new[] { ParticipantRoleNames[p.Role], p.Organisation, p.Capacity }
                .Where(x => !string.IsNullOrEmpty(x)))}）")),
            ["mediator"] = MediatorNames(mediationCase, committee),
            ["recorded_by"] = session.RecordedBy,
            ["parties"] = Parties(mediationCase),
            ["statements"] = mediationCase.Statements.Where(s => s.SessionNumber == session.Number)
                .OrderBy(s => parties.FindIndex(p => p.Id == s.PartyId))
                .Select(s =>
                {
                    var index = parties.FindIndex(p => p.Id == s.PartyId);
                    return (object?)new Dictionary<string, object?>
                    {
                        ["role"] = CaseProceedingsAppService.RoleOf(index),
                        ["name"] = parties[index].Name,
                        ["statement"] = s.Statement,
                    };
                }).ToList(),
            ["minutes"] = session.Minutes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => (object?)l).ToList(),
            // Three signature cells a row keep each name legible on A4.
            ["sign_rows"] = signers.Chunk(3).Select(row => (object?)row.Select(name => (object?)name).ToList()).ToList(),
        };
        var document = await documents.PrepareAsync(new IssueFromTemplate(MinutesTemplate,
            mediationCase.Number + "笔录" + session.Number.ToString(CultureInfo.InvariantCulture),
            CaseAppService.RecordType, mediationCase.Id.ToString(), mediationCase.OrgUnitId, model), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var issued = await documents.IssueAsync(document, ct);
        session.MinutesIssued(issued.Id);
        db.Entry(mediationCase).Property(c => c.Status).IsModified = true;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CaseDocumentIssuedDto(mediationCase.Id, issued.Id, issued.Number);
    }

    private static List<object?> Parties(MediationCase mediationCase) =>
        mediationCase.Parties.OrderBy(p => p.Position).Select((p, i) => (object?)new Dictionary<string, object?>
        {
            ["role"] = CaseProceedingsAppService.RoleOf(i),
            ["name"] = p.Name,
            ["id_number"] = p.IdCardMasked,
            ["credit_code"] = p.CreditCode,
            ["representative"] = p.Representative,
            ["address"] = p.Address,
        }).ToList();

    private static string MediatorNames(MediationCase mediationCase, MediationCommittee committee) =>
        string.Join("、", committee.Mediators.Where(m => mediationCase.Mediators.Any(x => x.UserId == m.UserId)).Select(m => m.Name));
}
