using Mediation.Cases;
using Mediation.JointMeetings.Domain;
using Mediation.LegalWindows;
using Mediation.Petitions;
using Mediation.ServiceDesk;

namespace Mediation.JointMeetings.Application;

/// <summary>The live state of the records agenda items link, asked of their modules' read contracts in one call per module.</summary>
internal sealed class LinkedRecordReader(IPetitionStatusReader petitions, IServiceRecordStatusReader windowRecords, ICaseStatusReader cases,
    IDeskRequestStatusReader deskRequests)
{
    public async Task<IReadOnlyDictionary<Guid, LinkedRecordLiveDto>> ReadAsync(IEnumerable<AgendaItem> items, CancellationToken ct)
    {
        var linked = items.Where(i => i.LinkedRecordId is not null).ToList();
        IReadOnlyCollection<Guid> Ids(LinkedRecordType type) =>
            linked.Where(i => i.LinkedRecordType == type).Select(i => i.LinkedRecordId!.Value).Distinct().ToList();
        var live = new Dictionary<Guid, LinkedRecordLiveDto>();
        foreach (var p in await petitions.FindAsync(Ids(LinkedRecordType.Petition), ct))
            live[p.Id] = new LinkedRecordLiveDto(p.Status.ToString(), p.Handled);
        foreach (var r in await windowRecords.FindAsync(Ids(LinkedRecordType.LegalWindowRecord), ct))
            live[r.Id] = WindowRecordLive(r);
        foreach (var c in await cases.FindAsync(Ids(LinkedRecordType.MediationCase), ct))
            live[c.Id] = c.Outcome is { } outcome ? new LinkedRecordLiveDto(outcome.ToString(), true) : new LinkedRecordLiveDto(c.Status.ToString(), false);
        foreach (var r in await deskRequests.FindAsync(Ids(LinkedRecordType.DeskRequest), ct))
            live[r.Id] = new LinkedRecordLiveDto(r.Status.ToString(), r.Handled);
        return live;
    }

    /// <summary>The number of the record an item would link, read under the caller's data scope; null when there is none he may see.</summary>
    public async Task<string?> NumberOfAsync(LinkedRecordType type, Guid id, CancellationToken ct) => type switch
    {
        LinkedRecordType.Petition => (await petitions.FindAsync([id], ct)).SingleOrDefault()?.Number,
        LinkedRecordType.LegalWindowRecord => (await windowRecords.FindAsync([id], ct)).SingleOrDefault()?.Number,
        LinkedRecordType.MediationCase => (await cases.FindAsync([id], ct)).SingleOrDefault()?.Number,
        LinkedRecordType.DeskRequest => (await deskRequests.FindAsync([id], ct)).SingleOrDefault()?.Number,
        _ => null,
    };

    private static LinkedRecordLiveDto WindowRecordLive(ServiceRecordStatusDto r) => r switch
    {
        { ReferralResult: { } result } => new(result.ToString(), true),
        { Referred: true } => new("Referred", false),
        { Errand: { } errand } => new(errand.ToString(), errand is ErrandStatus.Done or ErrandStatus.CannotBeDone),
        _ => new("Recorded", true),
    };
}
