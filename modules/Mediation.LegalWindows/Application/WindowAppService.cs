using Mediation.Core.Data;
using Mediation.Core.OrgUnits;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>Windows, advisors, the roster on the working calendar, who is on duty now, and the 一村一律师 coverage.</summary>
internal sealed class WindowAppService(MediationDbContext db, IOrgUnitDirectory directory, IUserDirectory users, AdvisorScope scope, CalendarStore calendars,
    PersonalDataProtector protector, ICurrentUser user, TimeProvider clock)
{
    /// <summary>一村（社区）一律师: one advisor may reasonably serve a few villages; more is flagged in the coverage view.</summary>
    public const int MaxVillagesPerAdvisor = 3;

    public async Task<WindowDto> CreateWindowAsync(CreateWindowInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.OrgUnitId, "orgUnitId")
            .Required(input.Name, "name").MaxLength(input.Name, 100, "name")
            .Required(input.ShortName, "shortName").MaxLength(input.ShortName, 20, "shortName")
            .Required(input.Place, "place").MaxLength(input.Place, 200, "place")
            .Required(input.OpensAt, "opensAt").Required(input.ClosesAt, "closesAt")
            .MaxLength(input.OpeningNote, 200, "openingNote").MaxLength(input.Phone, 30, "phone")
            .Add(input.Phone is { Length: > 0 } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ') ? "phone" : null,
                LegalWindowsErrorCodes.PhoneInvalid)
            .ThrowIfInvalid();
        var unit = await UnitInScopeAsync(input.OrgUnitId!.Value, ct);
        if (unit.Kind is not OrgUnitKind.Community) throw new BusinessException(LegalWindowsErrorCodes.NotAVillage);
        if (await db.Set<LegalWindow>().IgnoreQueryFilters().AnyAsync(w => w.OrgUnitId == unit.Id || w.ShortName == input.ShortName!.Trim(), ct))
            throw new BusinessException(LegalWindowsErrorCodes.WindowExists);
        var window = new LegalWindow(Guid.CreateVersion7(), unit.Id, input.Name!.Trim(), input.ShortName!.Trim(), input.Place!.Trim(),
            input.OpensAt!.Value, input.ClosesAt!.Value, input.OpeningNote?.Trim(), input.Phone?.Trim());
        db.Add(window);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(window, ct);
    }

    public async Task<IReadOnlyList<WindowDto>> ListWindowsAsync(CancellationToken ct)
    {
        var windows = await (await scope.WindowsAsync(ct)).AsNoTracking().OrderBy(w => w.Name).Take(500).ToListAsync(ct);
        var advisors = await AdvisorKindsAsync(windows.SelectMany(w => w.Advisors.Select(a => a.AdvisorId)), ct);
        return windows.Select(w => ToDto(w, advisors)).ToList();
    }

    public async Task<WindowDto> GetWindowAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindWindowAsync(id, ct), ct);

    public async Task<AdvisorDto> RegisterAdvisorAsync(RegisterAdvisorInput input, CancellationToken ct)
    {
        var year = ChinaTime.ToChina(clock.GetUtcNow()).Year;
        var licence = input.LicenceNumber?.Trim();
        var phone = input.Phone?.Trim();
        new InputValidator()
            .Required(input.OrgUnitId, "orgUnitId")
            .Required(input.Name, "name").MaxLength(input.Name, 100, "name")
            .Required(input.Kind, "kind")
            .Required(input.Firm, "firm").MaxLength(input.Firm, 100, "firm")
            .Required(licence, "licenceNumber")
            .Add(licence is { Length: > 0 } && input.Kind is { } kind && !LicenceNumbers.IsValid(kind, licence, year) ? "licenceNumber" : null,
                LegalWindowsErrorCodes.LicenceNumberInvalid)
            .Add(phone is { Length: > 0 } && !ChineseIdentifiers.IsValidMobile(phone) ? "phone" : null, LegalWindowsErrorCodes.PhoneInvalid)
            .MaxLength(input.UserName, 256, "userName")
            .ThrowIfInvalid();
        var unit = await UnitInScopeAsync(input.OrgUnitId!.Value, ct);
        UserInfo? account = null;
        if (!string.IsNullOrWhiteSpace(input.UserName))
            account = await users.FindByUserNameAsync(input.UserName.Trim(), ct) ?? throw new EntityNotFoundException("AppUser", input.UserName.Trim());
        if (await db.Set<LegalAdvisor>().IgnoreQueryFilters().AnyAsync(a => a.LicenceNumber == licence, ct))
            throw new BusinessException(LegalWindowsErrorCodes.LicenceNumberTaken);
        var advisor = new LegalAdvisor(Guid.CreateVersion7(), unit.Id, input.Name!.Trim(), input.Kind!.Value, input.Firm!.Trim(), licence!,
            string.IsNullOrEmpty(phone) ? null : protector.Protect(PersonalDataKind.Mobile, phone), account?.Id, year);
        db.Add(advisor);
        await db.SaveChangesAsync(ct);
        return ToDto(advisor, []);
    }

    public async Task<IReadOnlyList<AdvisorDto>> ListAdvisorsAsync(CancellationToken ct)
    {
        var advisors = await db.Set<LegalAdvisor>().AsNoTracking().OrderBy(a => a.Name).Take(500).ToListAsync(ct);
        var links = (await db.Set<LegalWindow>().AsNoTracking().ToListAsync(ct))
            .SelectMany(w => w.Advisors.Select(a => (WindowId: w.Id, a.AdvisorId))).ToList();
        return advisors.Select(a => ToDto(a, links.Where(l => l.AdvisorId == a.Id).Select(l => l.WindowId).ToList())).ToList();
    }

    public async Task<WindowDto> AttachAsync(Guid windowId, AttachAdvisorInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.AdvisorId, "advisorId").ThrowIfInvalid();
        var window = await FindWindowAsync(windowId, ct);
        db.ExpectConcurrencyStamp(window, input.ConcurrencyStamp);
        var advisor = await db.Set<LegalAdvisor>().SingleOrDefaultAsync(a => a.Id == input.AdvisorId, ct)
                      ?? throw new EntityNotFoundException(nameof(LegalAdvisor), input.AdvisorId!.Value);
        window.Attach(advisor);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(window, ct);
    }

    /// <summary>The advisor leaves the window: his shifts from today on stand uncovered until they are swapped to someone.</summary>
    public async Task<WindowDto> DetachAsync(Guid windowId, Guid advisorId, string? concurrencyStamp, CancellationToken ct)
    {
        var window = await FindWindowAsync(windowId, ct);
        db.ExpectConcurrencyStamp(window, concurrencyStamp);
        window.Detach(advisorId);
        var today = Today();
        foreach (var shift in await db.Set<DutyShift>().Where(s => s.WindowId == windowId && s.AdvisorId == advisorId && s.Date >= today).ToListAsync(ct))
            shift.Vacate();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(window, ct);
    }

    public async Task<IReadOnlyList<ShiftDto>> GenerateRosterAsync(Guid windowId, GenerateRosterInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = new InputValidator().Required(input.From, "from").Required(input.To, "to")
            .Planned(input.From, now, "from").Planned(input.To, now, "to");
        if ((input.HolidayDuty?.Count ?? 0) > RosterPlanner.MaxDays) check.Add("holidayDuty", LegalWindowsErrorCodes.RosterTooLong);
        check.ThrowIfInvalid();
        var window = await FindWindowAsync(windowId, ct);
        var advisors = input.AdvisorIds is { Count: > 0 } chosen ? chosen : window.Advisors.Select(a => a.AdvisorId).ToList();
        if (advisors.Any(a => !window.HasAdvisor(a)))
            throw new BusinessException(LegalWindowsErrorCodes.NotAdvisorOfWindow);
        var plan = RosterPlanner.Plan(input.From!.Value, input.To!.Value, advisors,
            input.Weekdays is { Count: > 0 } days ? days.ToHashSet() : RosterPlanner.WorkingWeek.ToHashSet(),
            (input.HolidayDuty ?? []).ToHashSet(), await calendars.LoadAsync(ct));
        var from = input.From.Value;
        var to = input.To.Value;
        if (await db.Set<DutyShift>().AnyAsync(s => s.WindowId == windowId && s.Date >= from && s.Date <= to, ct))
            throw new BusinessException(LegalWindowsErrorCodes.RosterOverlaps);
        var shifts = plan.Select(p => new DutyShift(Guid.CreateVersion7(), window, p.Date, p.AdvisorId, p.OnHoliday)).ToList();
        db.AddRange(shifts);
        await db.SaveChangesAsync(ct);
        return await ToDtosAsync(shifts, ct);
    }

    public async Task<IReadOnlyList<ShiftDto>> ListShiftsAsync(Guid windowId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await FindWindowAsync(windowId, ct);
        var start = from ?? Today().AddDays(-7);
        var end = to ?? start.AddDays(RosterPlanner.MaxDays);
        new InputValidator().Add(end < start || end.DayNumber - start.DayNumber > 366 ? "to" : null, LegalWindowsErrorCodes.RosterTooLong).ThrowIfInvalid();
        var shifts = await db.Set<DutyShift>().AsNoTracking().Where(s => s.WindowId == windowId && s.Date >= start && s.Date <= end)
            .OrderBy(s => s.Date).ToListAsync(ct);
        return await ToDtosAsync(shifts, ct);
    }

    public async Task<ShiftDto> SwapAsync(Guid shiftId, SwapShiftInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.AdvisorId, "advisorId").Required(input.Reason, "reason").MaxLength(input.Reason, 500, "reason")
            .ThrowIfInvalid();
        var shift = await (await scope.ShiftsAsync(ct)).SingleOrDefaultAsync(s => s.Id == shiftId, ct)
                    ?? throw new EntityNotFoundException(nameof(DutyShift), shiftId);
        db.ExpectConcurrencyStamp(shift, input.ConcurrencyStamp);
        var window = await FindWindowAsync(shift.WindowId, ct);
        shift.SwapTo(window, input.AdvisorId!.Value, input.Reason!.Trim(), user.UserName, clock.GetUtcNow(), Today());
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([shift], ct))[0];
    }

    public async Task<OnDutyDto> OnDutyAsync(Guid windowId, CancellationToken ct)
    {
        var window = await FindWindowAsync(windowId, ct);
        var now = ChinaTime.ToChina(clock.GetUtcNow());
        var today = DateOnly.FromDateTime(now.DateTime);
        var shift = await db.Set<DutyShift>().AsNoTracking().SingleOrDefaultAsync(s => s.WindowId == windowId && s.Date == today, ct);
        var open = shift is not null && TimeOnly.FromDateTime(now.DateTime) is var time && time >= shift.StartsAt && time < shift.EndsAt;
        return new OnDutyDto(window.Id, window.Name, today, open,
            shift is null ? null : (await ToDtosAsync([shift], ct))[0]);
    }

    /// <summary>一村（社区）一律师 per township or county: villages without an advisor, advisors over the limit, and the tree.</summary>
    public async Task<CoverageDto> CoverageAsync(Guid? orgUnitId, CancellationToken ct)
    {
        var root = await UnitInScopeAsync(orgUnitId ?? user.OrgUnitId ?? Guid.Empty, ct);
        var units = await directory.SubtreeAsync(root.Path, ct);
        var unitIds = units.Select(u => u.Id).ToList();
        var windows = await db.Set<LegalWindow>().AsNoTracking().Where(w => unitIds.Contains(w.OrgUnitId)).ToListAsync(ct);
        var names = await AdvisorNamesAsync(windows.SelectMany(w => w.Advisors.Select(a => a.AdvisorId)), ct);
        var byUnit = windows.ToDictionary(w => w.OrgUnitId);
        var villages = units.Where(u => u.Kind is OrgUnitKind.Community).ToList();
        var byId = units.ToDictionary(u => u.Id);

        IReadOnlyList<string> AdvisorsOf(Guid unitId) => byUnit.TryGetValue(unitId, out var w)
            ? w.Advisors.Select(a => names.GetValueOrDefault(a.AdvisorId, "?")).ToList()
            : [];

        var without = villages.Where(v => AdvisorsOf(v.Id).Count == 0)
            .Select(v => new UncoveredVillageDto(v.Id, v.Name, v.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Name : null,
                byUnit.ContainsKey(v.Id)))
            .ToList();
        var overloaded = windows.SelectMany(w => w.Advisors.Select(a => (a.AdvisorId, Village: byId[w.OrgUnitId].Name)))
            .GroupBy(x => x.AdvisorId)
            .Where(g => g.Count() > MaxVillagesPerAdvisor)
            .Select(g => new OverloadedAdvisorDto(g.Key, names.GetValueOrDefault(g.Key, "?"), g.Count(), g.Select(x => x.Village).OrderBy(x => x).ToList()))
            .OrderByDescending(a => a.VillageCount).ToList();
        var rootDepth = root.Path.Count(c => c == '/');
        var tree = units.Where(u => u.Kind is not OrgUnitKind.Grid)
            .Select(u => new CoverageNodeDto(u.Id, u.Name, u.Path.Count(c => c == '/') - rootDepth, u.Kind is OrgUnitKind.Community, AdvisorsOf(u.Id)))
            .ToList();
        return new CoverageDto(root.Id, root.Name, villages.Count, villages.Count - without.Count, MaxVillagesPerAdvisor, without, overloaded, tree);
    }

    internal async Task<LegalWindow> FindWindowAsync(Guid id, CancellationToken ct) =>
        await (await scope.WindowsAsync(ct)).SingleOrDefaultAsync(w => w.Id == id, ct) ?? throw new EntityNotFoundException(nameof(LegalWindow), id);

    internal async Task<OrgUnitInfo> UnitInScopeAsync(Guid id, CancellationToken ct)
    {
        var unit = await directory.GetAsync(id, ct);
        if (user.OrgUnitPath is { } path && !unit.Path.StartsWith(path, StringComparison.Ordinal)) throw new EntityNotFoundException("OrgUnit", id);
        return unit;
    }

    internal async Task<Dictionary<Guid, string>> AdvisorNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<LegalAdvisor>().IgnoreQueryFilters().AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    private DateOnly Today() => ChinaTime.DateOf(clock.GetUtcNow());

    private static IEnumerable<Guid> AdvisorIdsOf(DutyShift s) =>
        s.Swaps.SelectMany(w => new[] { w.FromAdvisorId, w.ToAdvisorId }).Append(s.AdvisorId).OfType<Guid>();

    private async Task<WindowDto> ToDtoAsync(LegalWindow w, CancellationToken ct) =>
        ToDto(w, await AdvisorKindsAsync(w.Advisors.Select(a => a.AdvisorId), ct));

    private async Task<Dictionary<Guid, (string Name, AdvisorKind Kind)>> AdvisorKindsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Set<LegalAdvisor>().IgnoreQueryFilters().AsNoTracking().Where(a => wanted.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Kind }).ToListAsync(ct);
        return rows.ToDictionary(a => a.Id, a => (a.Name, a.Kind));
    }

    private static WindowDto ToDto(LegalWindow w, Dictionary<Guid, (string Name, AdvisorKind Kind)> advisors) =>
        new(w.Id, w.OrgUnitId, w.Name, w.ShortName, w.Place, w.OpensAt, w.ClosesAt, w.OpeningNote, w.Phone,
            w.Advisors.Select(a => advisors.TryGetValue(a.AdvisorId, out var x) ? new WindowAdvisorDto(a.AdvisorId, x.Name, x.Kind)
                : new WindowAdvisorDto(a.AdvisorId, "?", AdvisorKind.Lawyer)).ToList(), w.ConcurrencyStamp);

    /// <summary>Shifts with their advisors and the officers who swapped them named: one query for the advisors, one for the officers.</summary>
    private async Task<IReadOnlyList<ShiftDto>> ToDtosAsync(IReadOnlyList<DutyShift> shifts, CancellationToken ct)
    {
        var names = await AdvisorNamesAsync(shifts.SelectMany(AdvisorIdsOf), ct);
        var actors = await users.DescribeActorsAsync(shifts.SelectMany(s => s.Swaps.Select(w => w.SwappedBy)), ct);
        return shifts.Select(s => ToDto(s, names, actors)).ToList();
    }

    private static ShiftDto ToDto(DutyShift s, IReadOnlyDictionary<Guid, string> names, IReadOnlyDictionary<string, ActorInfo> actors) =>
        new(s.Id, s.WindowId, s.Date, s.StartsAt, s.EndsAt, s.AdvisorId, s.AdvisorId is { } a ? names.GetValueOrDefault(a) : null, s.OnHoliday,
            s.Swaps.OrderBy(w => w.Sequence).Select(w => new ShiftSwapDto(w.FromAdvisorId, w.FromAdvisorId is { } f ? names.GetValueOrDefault(f) : null,
                w.ToAdvisorId, names.GetValueOrDefault(w.ToAdvisorId, "?"), w.Reason, w.SwappedBy, w.SwappedAt,
                actors.Named(w.SwappedBy)?.DisplayName, actors.Named(w.SwappedBy)?.UnitName)).ToList(), s.ConcurrencyStamp);

    private static AdvisorDto ToDto(LegalAdvisor a, IReadOnlyList<Guid> windowIds) =>
        new(a.Id, a.OrgUnitId, a.Name, a.Kind, a.Firm, a.LicenceNumber, a.PhoneMasked, a.UserId, windowIds, a.ConcurrencyStamp);
}
