using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.LegalWindows.Domain;

/// <summary>
/// The legal window of one village or community (e.g. 保安村's window in its 综治服务大厅): where it is, when it opens,
/// its phone, and the advisors attached to it (一村（社区）一律师).
/// </summary>
public sealed class LegalWindow : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<WindowAdvisor> _advisors = [];

    private LegalWindow() { }

    public LegalWindow(Guid id, Guid orgUnitId, string name, string shortName, string place, TimeOnly opensAt, TimeOnly closesAt,
        string? openingNote, string? phone)
    {
        if (closesAt <= opensAt) throw new BusinessException(LegalWindowsErrorCodes.HoursInvalid);
        Id = id;
        OrgUnitId = orgUnitId;
        Name = name;
        ShortName = shortName;
        Place = place;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        OpeningNote = openingNote;
        Phone = phone;
    }

    public Guid OrgUnitId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>机关代字 of the window's record numbers (岱东法〔2026〕1号).</summary>
    public string ShortName { get; private set; } = "";
    public string Place { get; private set; } = "";
    public TimeOnly OpensAt { get; private set; }
    public TimeOnly ClosesAt { get; private set; }
    public string? OpeningNote { get; private set; }

    /// <summary>The window's office phone, public by nature (not personal data).</summary>
    public string? Phone { get; private set; }

    public IReadOnlyList<WindowAdvisor> Advisors => _advisors;

    public bool HasAdvisor(Guid advisorId) => _advisors.Any(a => a.AdvisorId == advisorId);

    public void Attach(LegalAdvisor advisor)
    {
        if (HasAdvisor(advisor.Id)) throw new BusinessException(LegalWindowsErrorCodes.AlreadyAttached);
        _advisors.Add(new WindowAdvisor(advisor.Id));
    }

    public void Detach(Guid advisorId)
    {
        var attached = _advisors.FirstOrDefault(a => a.AdvisorId == advisorId) ?? throw new BusinessException(LegalWindowsErrorCodes.NotAttached);
        _advisors.Remove(attached);
    }

    public bool IsOpenAt(TimeOnly time) => time >= OpensAt && time < ClosesAt;
}

public sealed class WindowAdvisor
{
    private WindowAdvisor() { }

    public WindowAdvisor(Guid advisorId) => AdvisorId = advisorId;

    public Guid AdvisorId { get; private set; }
}
