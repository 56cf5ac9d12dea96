using Mediation.Core.Data;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Notifications.Application;

internal sealed class NoticeOutbox(MediationDbContext db, NoticeTemplates templates, IOptions<NotificationOptions> options, TimeProvider clock)
    : INoticeOutbox
{
    // Scoped: a deadline storm notifies the same few supervising units thousands of times in one sweep; their codes are read once.
    private readonly Dictionary<Guid, string?> codes = [];

    /// <summary>
    /// Reads the codes (for their mailboxes and SMS numbers) of the units notices will go to, those not read before, in one query:
    /// a storm across a city's hundreds of units reads them once, not one query per unit.
    /// </summary>
    internal async Task PreloadUnitsAsync(IReadOnlyCollection<Guid> orgUnitIds, CancellationToken ct)
    {
        var missing = orgUnitIds.Where(id => !codes.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0) return;
        var found = await db.Set<OrgUnit>().AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.Code }).ToListAsync(ct);
        foreach (var id in missing) codes[id] = null;
        foreach (var unit in found) codes[unit.Id] = unit.Code;
    }

    public async Task AddAsync(NoticeRequest request, CancellationToken ct) => db.AddRange(await ComposeAsync(request, [request.OrgUnitId], ct));

    /// <summary>
    /// One message to several units, each over its channels, rendered once; not added to the context, for a caller that writes
    /// thousands at once (a deadline storm's escalations go to the supervising unit and the owner with the same text).
    /// </summary>
    internal async Task<IReadOnlyList<Notice>> ComposeAsync(NoticeRequest request, IReadOnlyList<Guid> orgUnitIds, CancellationToken ct)
    {
        await PreloadUnitsAsync(orgUnitIds, ct);
        return Compose(request, orgUnitIds);
    }

    /// <summary>
    /// <see cref="ComposeAsync"/> for units whose codes <see cref="PreloadUnitsAsync"/> has read: no query, so a bulk writer can
    /// compose the next notices while the database takes the ones before.
    /// </summary>
    internal IReadOnlyList<Notice> Compose(NoticeRequest request, IReadOnlyList<Guid> orgUnitIds)
    {
        var rendered = templates.Render(request.Template, request.Model);
        var subject = SubjectOf(rendered);
        var now = clock.GetUtcNow();
        var notices = new List<Notice>(orgUnitIds.Count);
        foreach (var unitId in orgUnitIds)
        {
            if (!codes.TryGetValue(unitId, out var code))
                throw new InvalidOperationException($"Unit {unitId} was not preloaded; compose through {nameof(ComposeAsync)}.");
            Add(NoticeChannel.InApp, null);
            if (code is not null && options.Value.Mailboxes.TryGetValue(code, out var mailbox)) Add(NoticeChannel.Email, mailbox);
            if (code is not null && options.Value.SmsNumbers.TryGetValue(code, out var number)) Add(NoticeChannel.Sms, number);

            void Add(NoticeChannel channel, string? recipient) => notices.Add(new Notice(Guid.CreateVersion7(), channel, unitId, recipient,
                request.Template, subject, rendered.Body, request.SourceKey, now, request.Link));
        }
        return notices;
    }

    public Task AddToPersonAsync(PersonNoticeRequest request, CancellationToken ct)
    {
        if (request.Channel is NoticeChannel.InApp) throw new ArgumentException("A person outside the org tree has no inbox.", nameof(request));
        var rendered = templates.Render(request.Template, request.Model);
        db.Add(new Notice(Guid.CreateVersion7(), request.Channel, request.OrgUnitId, Notice.ProtectedRecipient(request.RecipientCipher), request.Template,
            SubjectOf(rendered), rendered.Body, request.SourceKey, clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    private static string SubjectOf(RenderedNotice rendered) =>
        rendered.Subject.Length > Notice.MaxSubjectLength ? rendered.Subject[..Notice.MaxSubjectLength] : rendered.Subject;
}
