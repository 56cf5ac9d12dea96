using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Application;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Messaging;
using Mediation.Core.Numbering;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.ServiceDesk.Domain;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// The life of a request on the module's clocks: filing starts the acknowledgement clock (1 hour urgent / 24 hours ordinary); taking
/// it stops that one and starts the feedback clock (7 days / 15 complex); the materials notice pauses the feedback clock and the
/// supply of every item resumes it; 办结告知 stops it; a reopening after review starts a new one.
/// </summary>
internal sealed class RequestAppService(MediationDbContext db, DeskScope scope, INumberSequence numbers, IDeadlineClocks clocks, IUserDirectory users,
    IOptions<ServiceDeskOptions> options, ICurrentUser user, DeskDocuments documents, ContactMessages contact, IDocumentArchive archive, AttachmentAppService attachments,
    IIntegrationEventPublisher events, Mediation.Petitions.IPetitionReferralIntegrationService petitions, TimeProvider clock)
{
    public const string RecordType = nameof(DeskRequest);
    public const string NumberKind = "service-desk.request";
    private const int MaxText = 4000;

    // ---- portal (the enterprise's own users) ----

    public async Task<DeskRequestDto> FileAsync(FileRequestInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.Kind, "kind")
            .Required(input.Title, "title").MaxLength(input.Title, 200, "title")
            .Required(input.Description, "description").MaxLength(input.Description, MaxText, "description")
            .MaxLength(input.Project, 200, "project")
            .ThrowIfInvalid();
        var enterprise = await scope.MyEnterpriseAsync(ct);
        var supplied = (input.SuppliedMaterials ?? []).Select(s => s.Trim()).Distinct().ToList();
        var known = MaterialsChecklist.For(input.Kind!.Value).Select(m => m.Code).ToHashSet();
        var unknown = supplied.FirstOrDefault(s => !known.Contains(s));
        if (unknown is not null)
            throw new InputValidationException([new FieldError("suppliedMaterials", ServiceDeskErrorCodes.UnknownMaterial,
                new Dictionary<string, object?> { ["item"] = unknown })]);
        enterprise.EnsureApproved();
        var request = await FileCoreAsync(enterprise, input.Kind.Value, input.Title!.Trim(), input.Description!.Trim(), input.Project?.Trim(),
            input.Urgent is true, supplied, afterFiling: null, ct);
        return await ToDtoAsync(request, ct);
    }

    /// <summary>
    /// Numbers, files and starts the acknowledgement clock in one transaction — the caller's, when it has one (another module filing
    /// through <see cref="IDeskRequestIntakeIntegrationService"/>); <paramref name="afterFiling"/> runs inside it.
    /// </summary>
    internal async Task<DeskRequest> FileCoreAsync(Enterprise enterprise, RequestKind kind, string title, string description, string? project, bool urgent,
        IReadOnlyList<string> supplied, Func<DeskRequest, Task>? afterFiling, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var year = ChinaTime.ToChina(now).Year;
        var policy = urgent ? ServiceDeskPolicies.AcknowledgementUrgent : ServiceDeskPolicies.Acknowledgement;
        var due = await clocks.PreviewAsync(policy, now, ct);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var sequence = await numbers.NextAsync(NumberKind, enterprise.OrgUnitId, year, ct);
        var request = DeskRequest.File(Guid.CreateVersion7(), enterprise, OfficialNumber.Format(options.Value.NumberPrefix, year, sequence), year, sequence,
            kind, title, description, project, urgent, supplied, user.UserName, now, due.DueAt.ToUniversalTime());
        db.Add(request);
        await contact.AcknowledgedAsync(request, enterprise, ct);
        await db.SaveChangesAsync(ct);
        await clocks.StartAsync(new StartClockInput(RecordType, request.Id, request.OrgUnitId, policy, now, user.UserName), ct);
        if (afterFiling is not null) await afterFiling(request);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return request;
    }

    public async Task<PagedList<DeskRequestSummaryDto>> PortalListAsync(Paging paging, CancellationToken ct) =>
        await SummariesAsync((await scope.MyEnterpriseRequestsAsync(ct)).IgnoreQueryFilters().OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id), paging, ct);

    public async Task<DeskRequestDto> PortalGetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await scope.MyEnterpriseRequestAsync(id, ct), ct);

    /// <summary>Only a document issued on this enterprise's own request; any other id is simply not found.</summary>
    public async Task<(string Number, byte[] Content)> PortalDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var request = await scope.MyEnterpriseRequestAsync(id, ct);
        var issued = new[] { request.AcknowledgementDocumentId, request.CompletionDocumentId }.Concat(request.Notices.Select(n => n.DocumentId));
        if (!issued.Contains(documentId)) throw new EntityNotFoundException(IDocumentArchive.EntityName, documentId);
        return await archive.ContentAsync(documentId, ct);
    }

    public async Task<DeskRequestDto> SupplyAsync(Guid id, SupplyMaterialsInput input, CancellationToken ct)
    {
        var check = new InputValidator().MaxLength(input.Note, 1000, "note");
        if (input.Items is not { Count: > 0 }) check.Add("items", CoreErrorCodes.Validation.Required);
        check.ThrowIfInvalid();
        var request = await scope.MyEnterpriseRequestAsync(id, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var complete = request.Supply(input.Items!, user.UserName, input.Note?.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (complete && await FeedbackClockAsync(request, ct) is { Status: ClockStatus.Paused } paused)
            await clocks.ResumeAsync(paused.Id, new ResumeClockInput(user.UserName, paused.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(request, ct);
    }

    public async Task<DeskRequestDto> RateAsync(Guid id, RateInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Rating, "rating").MaxLength(input.Comment, 1000, "comment").ThrowIfInvalid();
        var request = await scope.MyEnterpriseRequestAsync(id, ct);
        request.Rate(input.Rating!.Value, input.Comment, user.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(request, ct);
    }

    // ---- staff ----

    /// <summary>The officer's queue. Mine: he owns it or received it first. Unassigned: nobody took it yet. Overdue: an open clock is past due.</summary>
    public async Task<DeskRequestDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await scope.StaffRequestAsync(id, ct), ct);

    public async Task<DeskRequestDto> TakeAsync(Guid id, TakeInput input, CancellationToken ct)
    {
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        var now = clock.GetUtcNow();
        request.Take(scope.Actor, input.Complex is true, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var feedback = await StartFeedbackAsync(request, now, ct);
        await documents.AcknowledgementAsync(request, feedback.DueDate!.Value, ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(request, ct);
    }

    /// <summary>Stops the acknowledgement clock (the human acknowledgement is given) and starts the feedback period.</summary>
    internal async Task<DeadlineClockDto> StartFeedbackAsync(DeskRequest request, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var running in (await clocks.ForRecordAsync(RecordType, request.Id, ct))
                     .Where(c => c.Status != ClockStatus.Stopped && c.Policy is ServiceDeskPolicies.Acknowledgement or ServiceDeskPolicies.AcknowledgementUrgent))
            await clocks.StopAsync(running.Id, new StopClockInput("已受理（人工回复）", user.UserName, running.ConcurrencyStamp), ct);
        return await StartFeedbackClockAsync(request, now, ct);
    }

    private Task<DeadlineClockDto> StartFeedbackClockAsync(DeskRequest request, DateTimeOffset now, CancellationToken ct) =>
        clocks.StartAsync(new StartClockInput(RecordType, request.FeedbackClockKey, request.OrgUnitId,
            request.Complex ? ServiceDeskPolicies.FeedbackComplex : ServiceDeskPolicies.Feedback, now, user.UserName), ct);

    public async Task<DeskRequestDto> TransferAsync(Guid id, TransferInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Reason, "reason").MaxLength(input.Reason, 500, "reason").MaxLength(input.ToDepartment, 200, "toDepartment");
        if (input.ToUserId is null && string.IsNullOrWhiteSpace(input.ToDepartment)) check.Add("toUserId", ServiceDeskErrorCodes.TransferTargetMissing);
        check.ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        DeskActor? colleague = null;
        if (input.ToUserId is { } toId)
        {
            var target = await users.FindAsync(toId, ct);
            if (target is null || !target.IsActive) throw new EntityNotFoundException("AppUser", toId);
            // An enterprise's account lives in the desk's unit too; it never takes a request.
            if (await db.Set<Enterprise>().IgnoreQueryFilters().AnyAsync(e => e.Members.Any(m => m.UserId == toId), ct))
                throw new BusinessException(ServiceDeskErrorCodes.TransferTargetNotOfficer);
            colleague = new DeskActor(target.Id, target.DisplayName);
        }
        request.Transfer(scope.Actor, colleague, colleague is null ? input.ToDepartment!.Trim() : null, input.Reason!.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(request, ct);
    }

    public async Task<(DeskRequest Request, MaterialsNotice Notice)> MaterialsNoticeAsync(Guid id, MaterialsNoticeInput input, CancellationToken ct)
    {
        var check = new InputValidator().MaxLength(input.Reason, IDeadlineClocks.MaxReasonLength, "reason");
        var extras = input.ExtraItems ?? [];
        if (extras.Count > 20) check.Add("extraItems", CoreErrorCodes.Validation.OutOfRange);
        for (var i = 0; i < extras.Count; i++) check.Required(extras[i], $"extraItems[{i}]").MaxLength(extras[i], 100, $"extraItems[{i}]");
        check.ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        var notice = request.IssueMaterialsNotice(scope.Actor, extras, input.Reason, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (await FeedbackClockAsync(request, ct) is { Status: ClockStatus.Running } running)
            await clocks.PauseAsync(running.Id, new PauseClockInput("一次性告知补正材料", user.UserName, running.ConcurrencyStamp), ct);
        await documents.MaterialsNoticeAsync(request, notice, scope.Actor.Name, ct);
        await transaction.CommitAsync(ct);
        return (request, notice);
    }

    public async Task<DeskRequest> ConcludeAsync(Guid id, ConcludeInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Result, "result").MaxLength(input.Result, MaxText, "result").ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        request.Conclude(scope.Actor, input.Result!.Trim(), clock.GetUtcNow());
        events.Publish(new DeskRequestConcludedEto(request.Id, request.Number, request.OrgUnitId, request.ConcludedAt!.Value, request.Result!));
        await contact.ConcludedAsync(request, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (await FeedbackClockAsync(request, ct) is { } open)
            await clocks.StopAsync(open.Id, new StopClockInput("办结告知", user.UserName, open.ConcurrencyStamp), ct);
        await documents.CompletionAsync(request, ct);
        await transaction.CommitAsync(ct);
        return request;
    }

    /// <summary>The desk head's review of a 不满意 rating: reopening starts a new feedback period for the same owner.</summary>
    public async Task<DeskRequestDto> ReviewAsync(Guid id, ReviewInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Reopen, "reopen").Required(input.Note, "note").MaxLength(input.Note, 1000, "note").ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        var now = clock.GetUtcNow();
        request.Review(input.Reopen!.Value, input.Note!.Trim(), user.UserName ?? user.DisplayName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (input.Reopen.Value) await StartFeedbackClockAsync(request, now, ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(request, ct);
    }

    public async Task<DeskRequestDto> RouteAsync(Guid id, LegalRouteInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Route, "route").MaxLength(input.Body, 200, "body").MaxLength(input.Note, 1000, "note");
        if (input.Route is LegalRoute.Mediation) check.Add("route", ServiceDeskErrorCodes.MediationNeedsHandOff);
        else if (input.Route is LegalRoute.Petition) check.Add("route", ServiceDeskErrorCodes.PetitionNeedsHandOff);
        else check.Required(input.Body, "body");
        check.ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        request.RecordRoute(scope.Actor, input.Route!.Value, input.Body!.Trim(), input.Note?.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(request, ct);
    }

    public async Task<DeskRequestDto> RouteOutcomeAsync(Guid id, RouteOutcomeInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Outcome, "outcome").MaxLength(input.Outcome, 1000, "outcome").ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        request.RecordRouteOutcome(input.Outcome!.Trim(), user.UserName ?? user.DisplayName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(request, ct);
    }

    /// <summary>The handed-off petition's status now, read through the Petitions contract under the caller's data scope.</summary>
    private async Task<PetitionLinkDto?> PetitionLinkAsync(DeskRequest r, CancellationToken ct)
    {
        if (r.PetitionId is not { } petitionId) return null;
        var now = (await petitions.FollowAsync([petitionId], ct)).SingleOrDefault();
        return new PetitionLinkDto(petitionId, r.PetitionNumber!, now?.StatusText, now?.Handled);
    }

    private async Task<DeadlineClockDto?> FeedbackClockAsync(DeskRequest request, CancellationToken ct) =>
        (await clocks.ForRecordAsync(RecordType, request.FeedbackClockKey, ct))
        .Where(c => c.Status != ClockStatus.Stopped && c.Policy is ServiceDeskPolicies.Feedback or ServiceDeskPolicies.FeedbackComplex)
        .MaxBy(c => c.StartedAt);

    /// <summary>One page of the requests in the given (total) order, each with its enterprise and its open clock's due time.</summary>
    internal async Task<PagedList<DeskRequestSummaryDto>> SummariesAsync(IQueryable<DeskRequest> ordered, Paging paging, CancellationToken ct)
    {
        var page = await ordered.AsNoTracking()
            .Select(r => new { r.Id, r.FeedbackClockKey, r.Number, r.EnterpriseId, r.Kind, r.Title, r.Urgent, r.Status, r.SubmittedAt, r.OwnerName, r.FirstResponderName })
            .ToPagedListAsync(paging, ct);
        var rows = page.Items;
        var ids = rows.Select(r => r.Id).Concat(rows.Select(r => r.FeedbackClockKey)).Distinct().ToList();
        var enterpriseIds = rows.Select(r => r.EnterpriseId).Distinct().ToList();
        var names = await db.Set<Enterprise>().IgnoreQueryFilters().Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var due = (await clocks.OpenClocks(RecordType).Where(c => ids.Contains(c.RecordId)).ToListAsync(ct))
            .GroupBy(c => c.RecordId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.DueAt ?? DateTimeOffset.MaxValue).First());
        var now = clock.GetUtcNow();
        return page.Map(r =>
        {
            var open = due.GetValueOrDefault(r.FeedbackClockKey) ?? due.GetValueOrDefault(r.Id);
            return new DeskRequestSummaryDto(r.Id, r.Number, names.GetValueOrDefault(r.EnterpriseId, "?"), r.Kind, r.Title, r.Urgent, r.Status,
                r.SubmittedAt, r.OwnerName, r.FirstResponderName, open?.DueDate, open?.DueAt, open?.DueAt < now);
        });
    }

    /// <summary>
    /// Who escalated and who accepted, by name and unit: read from the timeline's last escalation and its acceptance (what the actor
    /// was then), not from the request's owner now, who may be a colleague the acceptor handed it to.
    /// </summary>
    private static DeskEscalationDto Escalation(DeskRequest r, Guid above, IReadOnlyDictionary<string, ActorInfo> actors)
    {
        var escalated = r.Events.Where(e => e.Kind == "Escalated").MaxBy(e => e.Sequence);
        var accepted = r.EscalationAcceptedAt is null ? null
            : r.Events.Where(e => e.Kind == "EscalationAccepted" && e.Sequence > (escalated?.Sequence ?? 0)).MaxBy(e => e.Sequence);
        var escalatedBy = actors.Named(escalated?.Actor);
        var acceptedBy = actors.Named(accepted?.Actor);
        return new DeskEscalationDto(above, r.EscalatedToUnitName!, r.EscalationReason!, escalatedBy?.DisplayName ?? r.EscalatedBy, r.EscalatedAt!.Value,
            r.EscalationAcceptedAt, r.EscalationAcceptedAt is null ? null : acceptedBy?.DisplayName ?? accepted?.Actor ?? r.OwnerName,
            escalatedBy?.UnitName, acceptedBy?.UnitName);
    }

    internal async Task<DeskRequestDto> ToDtoAsync(DeskRequest r, CancellationToken ct)
    {
        var enterprise = await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == r.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        var feedback = (await clocks.ForRecordAsync(RecordType, r.FeedbackClockKey, ct))
            .Where(c => c.Policy is ServiceDeskPolicies.Feedback or ServiceDeskPolicies.FeedbackComplex).MaxBy(c => c.StartedAt);
        var route = r.Route is { } kind
            ? new LegalRouteDto(kind, r.RouteBody, r.RouteNote, r.CaseId, r.CaseNumber, r.RouteRecordedAt!.Value, r.RouteOutcome, r.RouteOutcomeAt,
                await PetitionLinkAsync(r, ct))
            : null;
        var files = await attachments.ListAsync(r, ct);
        var actors = await users.DescribeActorsAsync(r.Events.Select(e => e.Actor).Append(r.SubmittedBy).Concat(r.Notices.Select(n => n.IssuedBy))
            .Concat(files.Select(f => f.UploadedBy)), ct);
        return new DeskRequestDto(r.Id, r.Number, r.OrgUnitId, r.EnterpriseId, enterprise, r.Kind, r.Title, r.Description, r.Project, r.Urgent, r.Complex,
            r.Status, r.SubmittedAt, r.SubmittedBy, r.AcknowledgementDueAt, r.AcknowledgedAt, r.FirstResponderId, r.FirstResponderName, r.OwnerId,
            r.OwnerName, r.OwnerDepartment, MaterialsChecklist.For(r.Kind), r.Supplied, r.Missing,
            feedback?.Status == ClockStatus.Stopped ? null : feedback?.DueDate, feedback?.Status == ClockStatus.Stopped ? null : feedback?.DueAt,
            feedback?.Status == ClockStatus.Paused,
            r.Transfers.OrderBy(t => t.Sequence).Select(t => new TransferDto(t.FromUserId, t.FromName, t.ToUserId, t.ToName, t.ToDepartment, t.Reason, t.At)).ToList(),
            r.Notices.OrderBy(n => n.Sequence).Select(n => new MaterialsNoticeDto(n.Sequence,
                n.ItemList.Select(i => new MaterialItem(i, MaterialsChecklist.NameOf(i))).ToList(), n.Reason, n.IssuedAt, n.IssuedBy, n.SatisfiedAt, n.DocumentId,
                actors.Named(n.IssuedBy)?.DisplayName, actors.Named(n.IssuedBy)?.UnitName)).ToList(),
            r.Result, r.ConcludedAt, r.Rating, r.RatingComment, r.RatedAt, route, r.VisitId,
            r.Events.OrderBy(e => e.Sequence).Select(e => new TimelineEntryDto(e.At, e.Kind, e.Actor, e.Note, e.Sequence,
                actors.Named(e.Actor)?.DisplayName, actors.Named(e.Actor)?.UnitName)).ToList(), r.AcknowledgementDocumentId,
            r.CompletionDocumentId, files.Select(f => AttachmentAppService.Named(f, actors)).ToList(),
            r.EscalatedToUnitId is { } above ? Escalation(r, above, actors) : null,
            r.ConcurrencyStamp, actors.Named(r.SubmittedBy)?.DisplayName, actors.Named(r.SubmittedBy)?.UnitName);
    }
}
