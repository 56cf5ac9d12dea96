using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.LegalWindows.Domain;

/// <summary>
/// One day's duty at a window (专人值班). <see cref="AdvisorId"/> null: nobody covers it, and the township is told a week ahead.
/// A swap hands the shift to another advisor of the window and keeps who had it and why.
/// </summary>
public sealed class DutyShift : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<ShiftSwap> _swaps = [];

    private DutyShift() { }

    public DutyShift(Guid id, LegalWindow window, DateOnly date, Guid? advisorId, bool onHoliday)
    {
        Id = id;
        WindowId = window.Id;
        OrgUnitId = window.OrgUnitId;
        Date = date;
        StartsAt = window.OpensAt;
        EndsAt = window.ClosesAt;
        AdvisorId = advisorId;
        OnHoliday = onHoliday;
    }

    public Guid WindowId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly StartsAt { get; private set; }
    public TimeOnly EndsAt { get; private set; }
    public Guid? AdvisorId { get; private set; }

    /// <summary>Set on a statutory holiday on purpose (值班 during 国庆 etc.).</summary>
    public bool OnHoliday { get; private set; }

    /// <summary>When the township was told that nobody covers it; once per shift.</summary>
    public DateTimeOffset? UncoveredNoticeAt { get; private set; }

    public IReadOnlyList<ShiftSwap> Swaps => _swaps;

    /// <summary>A past shift is history: it is not handed on afterwards.</summary>
    public void SwapTo(LegalWindow window, Guid advisorId, string reason, string? actor, DateTimeOffset now, DateOnly today)
    {
        if (Date < today) throw new BusinessException(LegalWindowsErrorCodes.ShiftInPast);
        if (AdvisorId == advisorId) throw new BusinessException(LegalWindowsErrorCodes.SameAdvisor);
        if (!window.HasAdvisor(advisorId)) throw new BusinessException(LegalWindowsErrorCodes.NotAdvisorOfWindow);
        _swaps.Add(new ShiftSwap(_swaps.Count + 1, AdvisorId, advisorId, reason, actor, now));
        AdvisorId = advisorId;
    }

    /// <summary>The advisor left the window: his future shifts stand uncovered until someone takes them.</summary>
    public void Vacate() => AdvisorId = null;

    public bool MarkUncoveredNoticeSent(DateTimeOffset now)
    {
        if (UncoveredNoticeAt is not null || AdvisorId is not null) return false;
        UncoveredNoticeAt = now;
        return true;
    }
}

public sealed class ShiftSwap
{
    private ShiftSwap() { }

    public ShiftSwap(int sequence, Guid? fromAdvisorId, Guid toAdvisorId, string reason, string? swappedBy, DateTimeOffset swappedAt)
    {
        Sequence = sequence;
        FromAdvisorId = fromAdvisorId;
        ToAdvisorId = toAdvisorId;
        Reason = reason;
        SwappedBy = swappedBy;
        SwappedAt = swappedAt;
    }

    public int Sequence { get; private set; }
    public Guid? FromAdvisorId { get; private set; }
    public Guid ToAdvisorId { get; private set; }
    public string Reason { get; private set; } = "";
    public string? SwappedBy { get; private set; }
    public DateTimeOffset SwappedAt { get; private set; }
}
