using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.JointMeetings.Data;
using Mediation.JointMeetings.Domain;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Application;

/// <summary>The working group, its meetings, agenda and decisions: the convener's (政法委 / 综治中心) side of the register.</summary>
internal sealed class JointMeetingsAppService(MediationDbContext db, ICurrentUser user, IDeadlineClocks clocks, IOrgUnitDirectory orgUnits,
    IUserDirectory users, LinkedRecordReader linkedRecords, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkingGroupDto>> ListGroupsAsync(CancellationToken ct)
    {
        var groups = await db.Set<WorkingGroup>().AsNoTracking().OrderBy(g => g.Level).ThenBy(g => g.Name).ToListAsync(ct);
        var units = await db.Set<MemberUnit>().AsNoTracking().OrderBy(u => u.Order).ToListAsync(ct);
        return groups.Select(g => ToDto(g, units.Where(u => u.GroupId == g.Id))).ToList();
    }

    public async Task<WorkingGroupDto> GetGroupAsync(Guid id, CancellationToken ct)
    {
        var group = await FindGroupAsync(id, ct);
        return ToDto(group, await db.Set<MemberUnit>().AsNoTracking().Where(u => u.GroupId == id).OrderBy(u => u.Order).ToListAsync(ct));
    }

    public async Task<WorkingGroupDto> CreateGroupAsync(CreateWorkingGroupInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.OrgUnitId, "orgUnitId")
            .Required(input.Name, "name").MaxLength(input.Name, 100, "name")
            .Required(input.IssuerCode, "issuerCode").MaxLength(input.IssuerCode, 20, "issuerCode")
            .Required(input.Convener, "convener").MaxLength(input.Convener, 100, "convener")
            .ThrowIfInvalid();
        var unit = await orgUnits.GetAsync(input.OrgUnitId!.Value, ct);
        var level = unit.Kind switch
        {
            OrgUnitKind.City => MeetingLevel.City,
            OrgUnitKind.County => MeetingLevel.County,
            OrgUnitKind.Township => MeetingLevel.Township,
            _ => throw new BusinessException(JointMeetingsErrorCodes.GroupLevel),
        };
        if (await db.Set<WorkingGroup>().IgnoreQueryFilters().AnyAsync(g => g.OrgUnitId == unit.Id, ct))
            throw new ConflictException(JointMeetingsErrorCodes.GroupExists);
        var group = new WorkingGroup(Guid.CreateVersion7(), unit.Id, level, input.Name!.Trim(), input.IssuerCode!.Trim(), input.Convener!.Trim());
        db.Add(group);
        await db.SaveChangesAsync(ct);
        return ToDto(group, []);
    }

    public async Task<MemberUnitDto> AddMemberUnitAsync(Guid groupId, AddMemberUnitInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Name, "name").MaxLength(input.Name, 100, "name");
        var liaisons = input.Liaisons ?? [];
        for (var i = 0; i < liaisons.Count; i++)
            check.Required(liaisons[i].Name, $"liaisons[{i}].name").MaxLength(liaisons[i].Name, 50, $"liaisons[{i}].name")
                .MaxLength(liaisons[i].Title, 50, $"liaisons[{i}].title").MaxLength(liaisons[i].UserName, 256, $"liaisons[{i}].userName");
        check.ThrowIfInvalid();
        var group = await FindGroupAsync(groupId, ct);
        var name = input.Name!.Trim();
        if (await db.Set<MemberUnit>().AnyAsync(u => u.GroupId == groupId && u.Name == name, ct))
            throw new ConflictException(JointMeetingsErrorCodes.MemberUnitNameTaken);
        var accounts = new List<Guid?>();
        foreach (var (liaison, i) in liaisons.Select((l, i) => (l, i)))
            accounts.Add(string.IsNullOrWhiteSpace(liaison.UserName) ? null
                : (await users.FindByUserNameAsync(liaison.UserName.Trim(), ct))?.Id ?? throw new EntityNotFoundException("AppUser.Liaison", liaison.UserName));
        var order = await db.Set<MemberUnit>().CountAsync(u => u.GroupId == groupId, ct) + 1;
        var unit = new MemberUnit(Guid.CreateVersion7(), group, name, order);
        for (var i = 0; i < liaisons.Count; i++) unit.AddLiaison(liaisons[i].Name!.Trim(), liaisons[i].Title?.Trim(), accounts[i]);
        db.Add(unit);
        await db.SaveChangesAsync(ct);
        return ToDto(unit);
    }

    public async Task<AgendaItemDto> ProposeAsync(ProposeAgendaItemInput input, CancellationToken ct)
    {
        var item = await NewItemAsync(input, ct);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return ToDto(item, await linkedRecords.ReadAsync([item], ct));
    }

    /// <summary>An item the office puts straight on a meeting's agenda (also after the meeting, as a 临时动议): created and placed in one write.</summary>
    public async Task<MeetingDto> AddToAgendaAsync(Guid meetingId, ProposeAgendaItemInput input, CancellationToken ct)
    {
        var item = await NewItemAsync(input, ct);
        item.PlaceOn(await FindMeetingAsync(meetingId, ct));
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return await GetMeetingAsync(meetingId, ct);
    }

    private async Task<AgendaItem> NewItemAsync(ProposeAgendaItemInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.GroupId, "groupId")
            .Required(input.Title, "title").MaxLength(input.Title, 200, "title").MaxLength(input.Description, 2000, "description")
            .MaxLength(input.LinkedRecordNumber, 60, "linkedRecordNumber");
        if (input.LinkedRecordType is not null) check.Required(input.LinkedRecordId, "linkedRecordId").Required(input.LinkedRecordNumber, "linkedRecordNumber");
        // An id or number without its kind was dropped without a word (the item saved unlinked).
        else if (input.LinkedRecordId is not null || !string.IsNullOrWhiteSpace(input.LinkedRecordNumber)) check.Add("linkedRecordType", CoreErrorCodes.Validation.Required);
        check.ThrowIfInvalid();
        // The link names a record the caller may see, by its own number: an id of nothing (or of another kind, or out of his scope) and a
        // number not the record's were stored as sent, and the number printed in the 会议纪要.
        if (input.LinkedRecordType is { } type && await linkedRecords.NumberOfAsync(type, input.LinkedRecordId!.Value, ct) is var number)
        {
            if (number is null) check.Add("linkedRecordId", JointMeetingsErrorCodes.LinkedRecordNotFound);
            else if (number != input.LinkedRecordNumber!.Trim()) check.Add("linkedRecordNumber", JointMeetingsErrorCodes.LinkedRecordNumberMismatch, ("number", number));
            check.ThrowIfInvalid();
        }
        var group = await FindGroupAsync(input.GroupId!.Value, ct);
        return new AgendaItem(Guid.CreateVersion7(), group, input.Title!.Trim(), input.Description?.Trim(), AgendaItemSource.Office,
            input.LinkedRecordType, input.LinkedRecordId, input.LinkedRecordNumber?.Trim(), clock.GetUtcNow(), user.UserName);
    }

    public async Task<AgendaItemDto> GetItemAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Set<AgendaItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException(nameof(AgendaItem), id);
        return ToDto(item, await linkedRecords.ReadAsync([item], ct));
    }

    public async Task<PagedList<AgendaItemDto>> ListProposedAsync(Paging paging, CancellationToken ct)
    {
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(i => i.Status == AgendaItemStatus.Proposed).OrderBy(i => i.ProposedAt).ThenBy(i => i.Id)
            .ToPagedListAsync(paging, ct);
        var live = await linkedRecords.ReadAsync([.. items.Items], ct);
        return items.Map(i => ToDto(i, live));
    }

    public async Task<MeetingDto> ScheduleAsync(ScheduleMeetingInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        new InputValidator().Required(input.GroupId, "groupId")
            .Required(input.Title, "title").MaxLength(input.Title, 200, "title")
            .Required(input.ScheduledAt, "scheduledAt").Planned(input.ScheduledAt, now, "scheduledAt")
            .Required(input.Place, "place").MaxLength(input.Place, 200, "place")
            .ThrowIfInvalid();
        var group = await FindGroupAsync(input.GroupId!.Value, ct);
        var meeting = new Meeting(Guid.CreateVersion7(), group, input.Title!.Trim(), input.ScheduledAt!.Value, input.Place!.Trim(), user.UserName);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return await GetMeetingAsync(meeting.Id, ct);
    }

    /// <summary>The calendar: meetings between two days (China time), by default the three months around today.</summary>
    public async Task<IReadOnlyList<MeetingSummaryDto>> ListMeetingsAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        // PostgreSQL takes timestamptz parameters only in UTC; the instants are the same.
        var start = ChinaTime.StartOfDay(from ?? today.AddMonths(-1).AddDays(1 - today.Day)).ToUniversalTime();
        var end = ChinaTime.EndOfDay(to ?? today.AddMonths(2)).ToUniversalTime();
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.ScheduledAt >= start && m.ScheduledAt <= end).ToListAsync(ct);
        return meetings.OrderBy(m => m.ScheduledAt)
            .Select(m => new MeetingSummaryDto(m.Id, m.GroupId, m.Level, m.Title, m.ScheduledAt, m.Place, m.Status, m.MinutesNumber)).ToList();
    }

    public async Task<MeetingDto> GetMeetingAsync(Guid id, CancellationToken ct)
    {
        var meeting = await FindMeetingAsync(id, ct, tracked: false);
        var group = await FindGroupAsync(meeting.GroupId, ct);
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.ProposedAt).ToListAsync(ct);
        var tasks = await db.Tasks().AsNoTracking().Where(t => t.MeetingId == id).OrderBy(t => t.Number).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var live = await linkedRecords.ReadAsync(items, ct);
        var actors = await users.DescribeActorsAsync(tasks.SelectMany(TaskDtos.People), ct);
        return new MeetingDto(meeting.Id, meeting.GroupId, meeting.Level, group.Name, group.Convener, meeting.Title, meeting.ScheduledAt, meeting.HeldAt,
            meeting.Place, meeting.Chair, meeting.Status,
            meeting.Attendance.Select(a => new AttendanceDto(a.MemberUnitId, a.UnitName, a.Status, a.Attendee, a.SubstituteName)).ToList(),
            items.Select(i => ToDto(i, live)).ToList(), tasks.Select(t => TaskDtos.ToDto(t, items.FirstOrDefault(i => i.Id == t.AgendaItemId), now, live, actors)).ToList(),
            meeting.MinutesNumber, meeting.MinutesDocumentId, meeting.ConcurrencyStamp);
    }

    public async Task<MeetingDto> PlaceOnAgendaAsync(Guid meetingId, PlaceOnAgendaInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.AgendaItemId, "agendaItemId").ThrowIfInvalid();
        var meeting = await FindMeetingAsync(meetingId, ct);
        var item = await FindItemAsync(input.AgendaItemId!.Value, ct);
        db.ExpectConcurrencyStamp(item, input.ConcurrencyStamp);
        item.PlaceOn(meeting);
        await db.SaveChangesAsync(ct);
        return await GetMeetingAsync(meetingId, ct);
    }

    public async Task<MeetingDto> RecordHeldAsync(Guid meetingId, RecordMeetingInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = new InputValidator().Required(input.HeldAt, "heldAt").Happened(input.HeldAt, now, "heldAt")
            .Required(input.Place, "place").MaxLength(input.Place, 200, "place")
            .Required(input.Chair, "chair").MaxLength(input.Chair, 50, "chair");
        var attendance = input.Attendance ?? [];
        if (attendance.Count == 0) check.Add("attendance", CoreErrorCodes.Validation.Required);
        for (var i = 0; i < attendance.Count; i++)
            check.Required(attendance[i].MemberUnitId, $"attendance[{i}].memberUnitId").Required(attendance[i].Status, $"attendance[{i}].status")
                .MaxLength(attendance[i].Attendee, 50, $"attendance[{i}].attendee").MaxLength(attendance[i].SubstituteName, 50, $"attendance[{i}].substituteName");
        check.ThrowIfInvalid();
        var meeting = await FindMeetingAsync(meetingId, ct);
        db.ExpectConcurrencyStamp(meeting, input.ConcurrencyStamp);
        var units = await db.Set<MemberUnit>().Where(u => u.GroupId == meeting.GroupId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = attendance.Select(a => new Attendance(a.MemberUnitId!.Value, units.GetValueOrDefault(a.MemberUnitId!.Value, ""), a.Status!.Value,
            a.Attendee?.Trim(), a.SubstituteName?.Trim())).ToList();
        meeting.RecordHeld(input.HeldAt!.Value, input.Place!.Trim(), input.Chair!.Trim(), rows, units.Keys);
        await db.SaveChangesAsync(ct);
        return await GetMeetingAsync(meetingId, ct);
    }

    /// <summary>
    /// The meeting's decision on an item, and the tasks it assigns: all or none are written, each task with its clock started
    /// at the meeting (the day of the meeting is not counted).
    /// </summary>
    public async Task<MeetingDto> DecideAsync(Guid itemId, DecideAgendaItemInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Decision, "decision").MaxLength(input.Decision, 2000, "decision");
        var tasks = input.Tasks ?? [];
        for (var i = 0; i < tasks.Count; i++)
        {
            check.Required(tasks[i].Requirement, $"tasks[{i}].requirement").MaxLength(tasks[i].Requirement, 2000, $"tasks[{i}].requirement")
                .Required(tasks[i].LeadUnitId, $"tasks[{i}].leadUnitId");
            if (tasks[i].CooperatingUnitIds is { Count: > 30 }) check.Add($"tasks[{i}].cooperatingUnitIds", CoreErrorCodes.Validation.OutOfRange, ("min", 0), ("max", 30));
        }
        check.ThrowIfInvalid();
        var item = await FindItemAsync(itemId, ct);
        db.ExpectConcurrencyStamp(item, input.ConcurrencyStamp);
        if (item.MeetingId is not { } meetingId) throw new BusinessException(JointMeetingsErrorCodes.ItemNotOnAgenda);
        var meeting = await FindMeetingAsync(meetingId, ct);
        item.Decide(meeting, input.Decision!.Trim());
        var units = await db.Set<MemberUnit>().Where(u => u.GroupId == item.GroupId).ToDictionaryAsync(u => u.Id, ct);
        MemberUnit Unit(Guid id) => units.TryGetValue(id, out var unit) ? unit : throw new BusinessException(JointMeetingsErrorCodes.MemberUnitNotInGroup);
        var number = await db.Tasks().CountAsync(t => t.MeetingId == meeting.Id, ct);
        var created = tasks.Select(t => new AssignedTask(Guid.CreateVersion7(), item, meeting, ++number, t.Requirement!.Trim(), Unit(t.LeadUnitId!.Value),
            (t.CooperatingUnitIds ?? []).Select(Unit).ToList(), t.Urgent ? JointMeetingPolicies.UrgentTask : JointMeetingPolicies.Task, meeting.HeldAt!.Value)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AddRange(created);
        await db.SaveChangesAsync(ct);
        foreach (var task in created)
        {
            var started = await clocks.StartAsync(new StartClockInput(AssignedTask.RecordType, task.Id, task.OrgUnitId, task.Policy, task.AssignedAt, user.UserName), ct);
            task.ScheduledDue(started.DueDate, started.DueAt);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetMeetingAsync(meeting.Id, ct);
    }

    internal async Task<WorkingGroup> FindGroupAsync(Guid id, CancellationToken ct) =>
        await db.Set<WorkingGroup>().SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new EntityNotFoundException(nameof(WorkingGroup), id);

    internal async Task<Meeting> FindMeetingAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var meetings = tracked ? db.Set<Meeting>() : db.Set<Meeting>().AsNoTracking();
        return await meetings.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new EntityNotFoundException(nameof(Meeting), id);
    }

    private async Task<AgendaItem> FindItemAsync(Guid id, CancellationToken ct) =>
        await db.Set<AgendaItem>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException(nameof(AgendaItem), id);

    private static WorkingGroupDto ToDto(WorkingGroup g, IEnumerable<MemberUnit> units) =>
        new(g.Id, g.OrgUnitId, g.Level, g.Name, g.IssuerCode, g.Convener, units.Select(ToDto).ToList(), g.ConcurrencyStamp);

    private static MemberUnitDto ToDto(MemberUnit u) =>
        new(u.Id, u.GroupId, u.Name, u.Order, u.Liaisons.Select(l => new LiaisonDto(l.Name, l.Title, l.UserId)).ToList());

    internal static AgendaItemDto ToDto(AgendaItem i) => ToDto(i, null);

    private static AgendaItemDto ToDto(AgendaItem i, IReadOnlyDictionary<Guid, LinkedRecordLiveDto>? live) => new(i.Id, i.GroupId, i.MeetingId, i.Title,
        i.Description, i.Status, i.Source, TaskDtos.Linked(i, live), i.Decision, i.ProposedAt, i.ConcurrencyStamp);
}
