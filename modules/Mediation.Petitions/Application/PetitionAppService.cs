using Mediation.Core.Attachments;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Petitions.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

/// <summary>Intake from every channel, repeat detection, the queue, the detail with its timeline, attachments.</summary>
internal sealed class PetitionAppService(MediationDbContext db, PersonalDataProtector protector, ICurrentUser user,
    IDeadlineClocks clocks, INumberSequence numbers, IOrgUnitDirectory orgUnits, IUserDirectory users, SecurityAuditLog auditLog, TimeProvider clock,
    DuplicateCheckSettings duplicateCheck, PetitionRegistrationBatch batch, AuditContext audit, IDataScope dataScope)
{
    private static readonly string[] RevealedFields = ["IdCardNumber", "Phone"];

    private static readonly PetitionStatus[] ComparedStatuses =
    [
        PetitionStatus.Registered, PetitionStatus.Accepted, PetitionStatus.HandedOverToMediation, PetitionStatus.Replied, PetitionStatus.UnderReview,
        PetitionStatus.Reviewed, PetitionStatus.UnderReexamination, PetitionStatus.Reexamined, PetitionStatus.SuggestionUnderStudy,
    ];

    public async Task<PetitionDto> RegisterAsync(RegisterPetitionInput input, CancellationToken ct)
    {
        var (petition, started) = await RegisterCoreAsync(input, ct);
        return await ToDtoAsync(petition, ct, newClocks: started);
    }

    /// <summary>Registers and starts the clocks; joins the caller's transaction when there is one (a referral from another module).</summary>
    internal async Task<(Petition Petition, List<DeadlineClockDto> Started)> RegisterCoreAsync(RegisterPetitionInput input, CancellationToken ct)
    {
        var petitioners = ValidateRegistration(input);
        var unit = await IntakeUnitAsync(input.OrgUnitId, ct);
        var now = clock.GetUtcNow();
        var receivedAt = input.ReceivedAt ?? now;
        var year = receivedAt.ToOffset(ChinaTimeJsonConverter.ChinaOffset).Year;
        var original = input.RepeatOfPetitionId is { } originalId ? await FindAsync(originalId, ct) : null;
        if (original?.Status is PetitionStatus.Reexamined) throw new BusinessException(PetitionsErrorCodes.MatterReexamined);
        var transfer = input.Channel is PetitionChannel.Transferred
            ? new PetitionTransfer(input.TransferKind!.Value, input.TransferringBody!.Trim(), input.TransferReference!.Trim())
            : null;

        // The clocks are computed before the transaction, on the process's copy of the working calendar; the writer confirms the copy
        // is current with one read before its transaction (for a batch: once for all of it). The number's row lock (PostgreSQL) or
        // SQLite's write gate is held from the number to the commit, so nothing but the writes happens in between (issue 17).
        var petitionId = Guid.CreateVersion7();
        var planned = new List<PlannedClockStart>(2);
        // Art. 23 ¶2: while the name or address is unclear the 15 days do not start.
        if (original is null && input.NameOrAddressUnclear is not true)
        {
            planned.Add(await clocks.PlanStartAsync(new StartClockInput(Petition.RecordType, petitionId, unit.Id, PetitionPolicies.AcceptanceNotice, receivedAt, user.UserName), ct));
            if (transfer is not null)
                planned.Add(await clocks.PlanStartAsync(new StartClockInput(Petition.RecordType, petitionId, unit.Id, PetitionPolicies.MisroutedObjection, receivedAt, user.UserName), ct));
        }

        Petition Build(PetitionNumber number) => Petition.Register(petitionId, unit.Id, number, PetitionNumber.ShortNameOf(unit.Name), input.Channel!.Value,
            receivedAt, [.. petitioners.Select(p => p.Create())], input.Matter!.Trim(), input.RequestedOutcome?.Trim(), input.Place?.Trim(), transfer,
            user.UserName, now);

        // A new petition of its own is written by the group commit, with its clocks; a referral joins its caller's transaction, and a
        // repeat links to a petition this context tracks: both are written here.
        if (!db.InTransaction && original is null)
        {
            var registered = await batch.RegisterAsync(new PendingRegistration(unit.Id, unit.Path, PetitionNumber.ShortNameOf(unit.Name), year, Build, planned, audit.Actor, dataScope.OrgUnitPath));
            return (registered, [.. planned.Select(p => p.Dto)]);
        }

        await clocks.ConfirmPlannedAsync(planned, ct);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var petition = Build(new PetitionNumber(year, await numbers.NextAsync(PetitionNumber.Kind, unit.Id, year, ct)));
        if (original is not null) petition.LinkAsRepeatOf(original, user.UserName, now);
        db.Add(petition);
        foreach (var start in planned) db.Add(start.Entity);
        // One SaveChanges writes the petition, its clocks, their audit rows and the change feed's outbox message (issue 17).
        // In our own transaction a failed save rolls all of it back, so EF's savepoint around the save would only cost two commands.
        if (transaction is not null) db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            if (transaction is not null) db.Database.AutoSavepointsEnabled = true;
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return (petition, [.. planned.Select(p => p.Dto)]);
    }

    /// <summary>Art. 19 ¶3: the item is recorded as a repeat of the open one; its acceptance clocks stop, as no acceptance follows.</summary>
    public async Task<PetitionDto> LinkAsRepeatAsync(Guid id, LinkAsRepeatInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.OpenPetitionId, "openPetitionId").ThrowIfInvalid();
        var petition = await FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var original = await FindAsync(input.OpenPetitionId!.Value, ct);
        petition.LinkAsRepeatOf(original, user.UserName, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await StopClocksAsync(petition.Id, [PetitionPolicies.AcceptanceNotice, PetitionPolicies.MisroutedObjection], "作为重复信访关联至" + original.Number, ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(petition, ct);
    }

    public async Task<IReadOnlyList<DuplicateCandidateDto>> FindDuplicatesAsync(DuplicateQueryInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.Matter, "matter").MaxLength(input.Matter, Petition.MaxMatterLength, "matter")
            .MaxLength(input.RequestedOutcome, 2000, "requestedOutcome").MaxLength(input.Place, 200, "place")
            .ThrowIfInvalid();
        var unit = await FindUnitAsync(input.OrgUnitId ?? user.OrgUnitId, ct);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in input.Petitioners ?? [])
        {
            if (p.IdCardNumber is { } idCard && ChineseIdentifiers.IsValidIdCardNumber(ChineseIdentifiers.Normalize(idCard)))
                hashes.Add(protector.Hash(PersonalDataKind.IdCardNumber, idCard));
            if (p.Phone is { } phone && ChineseIdentifiers.IsValidMobile(phone.Trim())) hashes.Add(protector.Hash(PersonalDataKind.Mobile, phone));
        }
        return await DuplicatesAsync(unit, null, hashes, string.Join(' ', input.Matter, input.RequestedOutcome, input.Place), ct);
    }

    public async Task<PetitionDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindAsync(id, ct), ct, withDuplicates: true);

    public async Task<IReadOnlyList<RevealedPetitionerDto>> RevealPetitionersAsync(Guid id, CancellationToken ct)
    {
        var petition = await FindAsync(id, ct);
        await auditLog.WriteAsync(AuditActions.PersonalDataRevealed, new { fields = RevealedFields },
            entityType: nameof(Petition), entityId: id.ToString(), ct: ct);
        return petition.Petitioners.OrderBy(p => p.Position).Select(p => new RevealedPetitionerDto(p.Position, p.Name,
            p.IdCardCipher is null ? null : protector.Decrypt(p.IdCardCipher),
            p.PhoneCipher is null ? null : protector.Decrypt(p.PhoneCipher))).ToList();
    }

    public async Task<PetitionAttachmentDto> AddAttachmentAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        new InputValidator().Add(file is null ? "file" : null, PetitionsErrorCodes.AttachmentMissing).ThrowIfInvalid();
        Uploads.EnsureSize(file!, PetitionsErrorCodes.AttachmentTooLarge);
        var petition = await FindAsync(id, ct);
        var upload = await Uploads.ReadCheckedAsync(file!, PetitionsErrorCodes.AttachmentTypeNotAllowed, protector, ct);
        var now = clock.GetUtcNow();
        var attachment = new PetitionAttachment(Guid.CreateVersion7(), petition, upload, user.UserName, now);
        petition.AttachmentAdded(upload.FileName, user.UserName, now);
        db.Entry(petition).Property(p => p.Status).IsModified = true;
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return ToDto(attachment);
    }

    /// <summary>The uploaded "file" part; a body over the limit is refused before it is read whole, a malformed form counts as no file.</summary>
    public static Task<IFormFile?> ReadUploadAsync(HttpRequest request, CancellationToken ct) =>
        Uploads.ReadFileAsync(request, PetitionsErrorCodes.AttachmentTooLarge, ct);

    public Task<(string FileName, string ContentType, byte[] Content)> AttachmentContentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var visible = Visible().Select(p => p.Id);
        return db.Set<PetitionAttachment>().Where(a => a.PetitionId == id && visible.Contains(a.PetitionId)).DecryptedFileAsync(attachmentId, protector, ct);
    }

    internal async Task<Petition> FindAsync(Guid id, CancellationToken ct) =>
        await Visible().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException(nameof(Petition), id);

    /// <summary>
    /// The petitions in scope the caller may see: an accusation is never shown to the users of the unit complained about
    /// (信访工作条例 Art. 30 ¶3: 不得将信访人的检举、揭发材料以及有关情况透露或者转给被检举、揭发的人员或者单位).
    /// </summary>
    internal IQueryable<Petition> Visible()
    {
        var own = user.OrgUnitId;
        return own is null ? db.Set<Petition>() : db.Set<Petition>().Where(p => p.AccusedOrgUnitId == null || p.AccusedOrgUnitId != own);
    }

    /// <summary>What a registration needs of the unit it goes into.</summary>
    private readonly record struct IntakeUnit(Guid Id, string Path, string Name);

    /// <summary>
    /// The caller's own unit as this request's claims carry it, without reading it again (issue 17: the look-up was a query of
    /// every registration): the claims loader read its path and name with the account, keeps them per host for
    /// <c>Identity:ClaimsCacheDuration</c> and drops them at once when this host saves a change to any unit — the same copy the
    /// data scope of every read of the request is checked against. Another unit, or a caller without a unit, is read as before.
    /// </summary>
    private async Task<IntakeUnit> IntakeUnitAsync(Guid? id, CancellationToken ct)
    {
        if (user is { OrgUnitId: { } own, OrgUnitPath: { } path, OrgUnitName: { } name } && (id is null || id == own))
        {
            db.UnitReadInThisRequest(own, path);
            return new IntakeUnit(own, path, name);
        }
        var unit = await FindUnitAsync(id ?? user.OrgUnitId, ct);
        return new IntakeUnit(unit.Id, unit.Path, unit.Name);
    }

    internal async Task<OrgUnitInfo> FindUnitAsync(Guid? id, CancellationToken ct)
    {
        var scope = user.OrgUnitPath;
        var unit = id is { } unitId ? await orgUnits.FindAsync(unitId, ct) : null;
        if (unit is null || (scope is not null && !unit.Path.StartsWith(scope, StringComparison.Ordinal)))
            throw new EntityNotFoundException("OrgUnit", id ?? Guid.Empty);
        db.UnitReadInThisRequest(unit.Id, unit.Path);
        return unit;
    }

    internal async Task StopClocksAsync(Guid petitionId, IReadOnlyCollection<string> policies, string reason, CancellationToken ct)
    {
        foreach (var running in (await clocks.ForRecordAsync(Petition.RecordType, petitionId, ct)).Where(c => policies.Contains(c.Policy) && c.Status != ClockStatus.Stopped))
            await clocks.StopAsync(running.Id, new StopClockInput(reason, user.UserName, running.ConcurrencyStamp), ct);
    }

    /// <param name="newClocks">For a petition registered in this request: the clocks it started. Nothing else refers to it yet,
    /// so its repeats, attachments and clocks are not read back.</param>
    internal async Task<PetitionDto> ToDtoAsync(Petition p, CancellationToken ct, bool withDuplicates = false, IReadOnlyList<DeadlineClockDto>? newClocks = null)
    {
        var isNew = newClocks is not null;
        List<Guid> repeats = isNew ? [] : await Visible().AsNoTracking().Where(x => x.RepeatOfPetitionId == p.Id).OrderBy(x => x.ReceivedAt).Select(x => x.Id).ToListAsync(ct);
        List<PetitionAttachmentDto> attachments = isNew ? [] : await db.Set<PetitionAttachment>().AsNoTracking().Where(a => a.PetitionId == p.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new PetitionAttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        var petitionClocks = (newClocks ?? await clocks.ForRecordAsync(Petition.RecordType, p.Id, ct))
            .OrderBy(c => c.StartedAt).Select(c => new PetitionClockDto(c.Policy, c.DueDate, c.DueAt, c.Status.ToString(), c.ExtensionDays, c.StatutoryDueDate)).ToList();
        IReadOnlyList<DuplicateCandidateDto> duplicates = [];
        if (withDuplicates && p.Status is PetitionStatus.Registered)
        {
            var unit = await orgUnits.GetAsync(p.OrgUnitId, ct);
            var hashes = p.Petitioners.SelectMany(x => new[] { x.IdCardHash, x.PhoneHash }).OfType<string>().ToHashSet(StringComparer.Ordinal);
            duplicates = await DuplicatesAsync(unit, p.Id, hashes, TextOf(p.Matter, p.RequestedOutcome, p.Place), ct);
        }
        var actors = await users.DescribeActorsAsync(
            p.Events.Select(e => e.Actor).Append(p.RecordedBy).Append(p.ExtensionApprovedBy).Concat(attachments.Select(a => a.UploadedBy))
                .Concat(p.Opinions.SelectMany(o => new[] { o.IssuedBy, o.ReturnedBy })), ct);
        attachments = [.. attachments.Select(a => a with { UploadedByName = actors.Named(a.UploadedBy)?.DisplayName, UploadedByUnit = actors.Named(a.UploadedBy)?.UnitName })];
        return new PetitionDto(p.Id, p.Number, p.OrgUnitId, p.Channel, p.ReceivedAt, p.RecordedBy, p.FiledOnBehalfOfCaller, p.TransferKind,
            p.TransferringBody, p.TransferReference,
            p.Petitioners.OrderBy(x => x.Position).Select(x => new PetitionerDto(x.Name, x.IdCardMasked, x.PhoneMasked, x.Address)).ToList(),
            p.Matter, p.RequestedOutcome, p.Place, p.Status, p.RepeatOfPetitionId, repeats, p.DecisionReason, p.AcceptedAt, p.HandlingPaused,
            p.ExtensionDays, p.ExtensionReason, p.ExtensionApprovedBy,
            p.Opinions.Select(o => new PetitionOpinionDto(o.Kind, o.Decision, o.Request, o.FactsAndReasons, o.LegalBasis, o.IssuedAt, o.IssuedBy,
                o.ServiceMethod, o.ServedOn, o.ServiceReference, o.State, o.IssuingOrgUnitId, o.SubmittedAt, o.SignedOffBy, o.SignedOffByName,
                o.ReturnReason, o.ReturnedBy, o.ReturnedAt, actors.Named(o.IssuedBy)?.DisplayName, actors.Named(o.IssuedBy)?.UnitName,
                actors.Named(o.ReturnedBy)?.DisplayName, actors.Named(o.ReturnedBy)?.UnitName)).ToList(),
            p.Notices.OrderBy(n => n.Sequence).Select(n => new PetitionNoticeDto(n.Kind, n.DocumentId, n.Number, n.IssuedAt)).ToList(),
            attachments,
            p.Events.OrderBy(e => e.Sequence).Select(e => new PetitionEventDto(e.Sequence, e.Kind, e.At, e.Actor, e.Detail,
                actors.Named(e.Actor)?.DisplayName, actors.Named(e.Actor)?.UnitName)).ToList(),
            petitionClocks, duplicates, p.JointMeetingRequestedAt, p.MediationCaseId, p.ConcurrencyStamp,
            p.MediationCaseId is { } caseId
                ? new PetitionMediationDto(caseId, p.MediationCaseNumber, p.HandedOverAt, p.MediationResult, p.MediationConcludedAt, p.MediationResultDetail,
                    p.MediationAgreementEffectiveOn)
                : null,
            p.Category is { } category ? new PetitionClassificationDto(category, p.GrievanceRoute, p.RoutedTo, p.AccusedOrgUnitId, p.SuggestionOutcome) : null,
            actors.Named(p.RecordedBy)?.DisplayName, actors.Named(p.ExtensionApprovedBy)?.DisplayName, actors.Named(p.RecordedBy)?.UnitName,
            actors.Named(p.ExtensionApprovedBy)?.UnitName);
    }

    /// <summary>
    /// Likely duplicates among the open (and re-examined) petitions of the same county in the caller's scope:
    /// the same petitioner by keyed hash of 身份证号 or phone, or a similar matter by Chinese word TF-IDF cosine.
    /// </summary>
    private async Task<IReadOnlyList<DuplicateCandidateDto>> DuplicatesAsync(OrgUnitInfo unit, Guid? excludeId, HashSet<string> hashes, string text,
        CancellationToken ct)
    {
        var countyPath = CountyPathOf(unit);
        var countyUnits = orgUnits.SubtreeIds(countyPath);
        var hashList = hashes.ToArray();
        // Only what scoring needs, one row per candidate: loading whole petitions joined every event, notice and opinion.
        var candidates = await Visible().AsNoTracking()
            .Where(p => countyUnits.Contains(p.OrgUnitId) && ComparedStatuses.Contains(p.Status) && p.Id != excludeId)
            .OrderByDescending(p => p.ReceivedAt).Take(duplicateCheck.MaxCandidates)
            .Select(p => new
            {
                p.Id, p.Number, p.Status, p.Matter, p.RequestedOutcome, p.Place, p.ReceivedAt,
                SamePetitioner = p.Petitioners.Any(x => (x.IdCardHash != null && hashList.Contains(x.IdCardHash))
                    || (x.PhoneHash != null && hashList.Contains(x.PhoneHash))),
            })
            .ToListAsync(ct);
        if (candidates.Count == 0) return [];

        var scores = PetitionTextSimilarity.Scores(PetitionTextSimilarity.Words(text),
            candidates.Select(c => PetitionTextSimilarity.Words(TextOf(c.Matter, c.RequestedOutcome, c.Place))).ToList());
        return candidates
            .Select((c, i) => new DuplicateCandidateDto(c.Id, c.Number, c.Status, c.Matter, c.SamePetitioner, Math.Round(scores[i], 3), c.ReceivedAt))
            .Where(d => d.SamePetitioner || d.TextSimilarity >= PetitionTextSimilarity.DuplicateThreshold)
            .OrderByDescending(d => d.SamePetitioner && d.TextSimilarity >= PetitionTextSimilarity.DuplicateThreshold)
            .ThenByDescending(d => d.TextSimilarity)
            .Take(20)
            .ToList();
    }

    private static string TextOf(string matter, string? requestedOutcome, string? place) => string.Join(' ', matter, requestedOutcome, place);

    /// <summary>"/city/county/…": the county's subtree; a city-level unit compares across its whole city.</summary>
    private static string CountyPathOf(OrgUnitInfo unit)
    {
        var segments = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? $"/{segments[0]}/{segments[1]}/" : unit.Path;
    }

    /// <summary>A petitioner validated and encrypted; created anew for each write of the petition (a failed batch writes it again).</summary>
    private sealed record PetitionerDraft(string Name, ProtectedValue? IdCard, ProtectedValue? Phone, string? Address)
    {
        public Petitioner Create() => Petitioner.Create(Name, IdCard, Phone, Address);
    }

    private List<PetitionerDraft> ValidateRegistration(RegisterPetitionInput input)
    {
        var check = new InputValidator()
            .Required(input.Channel, "channel")
            .Required(input.Matter, "matter").MaxLength(input.Matter, Petition.MaxMatterLength, "matter")
            .MaxLength(input.RequestedOutcome, 2000, "requestedOutcome")
            .MaxLength(input.Place, 200, "place");
        check.Happened(input.ReceivedAt, clock.GetUtcNow(), "receivedAt");
        if (input.Channel is PetitionChannel.Transferred)
        {
            check.Required(input.TransferKind, "transferKind")
                .Required(input.TransferringBody, "transferringBody").MaxLength(input.TransferringBody, 100, "transferringBody")
                .Required(input.TransferReference, "transferReference").MaxLength(input.TransferReference, 100, "transferReference");
        }
        var inputs = input.Petitioners ?? [];
        if (inputs.Count == 0) check.Add("petitioners", PetitionsErrorCodes.NoPetitioner);
        for (var i = 0; i < inputs.Count; i++)
        {
            var p = inputs[i];
            var field = $"petitioners[{i}]";
            check.Required(p.Name, field + ".name").MaxLength(p.Name, 100, field + ".name").MaxLength(p.Address, 300, field + ".address");
            if (p.IdCardNumber is not null && !ChineseIdentifiers.IsValidIdCardNumber(ChineseIdentifiers.Normalize(p.IdCardNumber)))
                check.Add(field + ".idCardNumber", PetitionsErrorCodes.IdCardInvalid);
            if (p.Phone is not null && !ChineseIdentifiers.IsValidMobile(p.Phone.Trim())) check.Add(field + ".phone", IdentityErrorCodes.InvalidMobile);
        }
        check.ThrowIfInvalid();
        return inputs.Select(p => new PetitionerDraft(p.Name!.Trim(),
            p.IdCardNumber is null ? null : protector.Protect(PersonalDataKind.IdCardNumber, p.IdCardNumber),
            p.Phone is null ? null : protector.Protect(PersonalDataKind.Mobile, p.Phone),
            p.Address?.Trim())).ToList();
    }

    private static PetitionAttachmentDto ToDto(PetitionAttachment a) => new(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.UploadedBy);
}
