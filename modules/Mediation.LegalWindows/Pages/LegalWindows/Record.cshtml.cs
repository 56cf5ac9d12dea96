using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>The quick form: kind, who, the matter and the advice; the 公益 fields only for a welfare event.</summary>
[Authorize(Policy = LegalWindowsPermissions.Services.Record)]
internal sealed class RecordModel(WindowAppService windows, ServiceRecordAppService records) : WindowFormPageModel<RecordForm>(windows)
{
    protected override Task<ServiceRecordDto> SaveAsync(RecordForm form, CancellationToken ct) => records.RecordAsync(form.ToInput(), ct);
}

internal sealed class RecordForm : IWindowForm
{
    public Guid? WindowId { get; set; }
    public ServiceKind? Kind { get; set; } = ServiceKind.Consultation;
    public ServedPersonForm Person { get; set; } = new();
    public string? Matter { get; set; }
    public string? Advice { get; set; }
    public int? Minutes { get; set; }
    public string? LawsCited { get; set; }
    public bool FollowUpNeeded { get; set; }
    public string? FollowUpNote { get; set; }
    public string? Topic { get; set; }
    public string? Place { get; set; }
    public int? Attendance { get; set; }

    public RecordServiceInput ToInput()
    {
        var welfare = Kind is ServiceKind.PublicWelfare;
        var person = WindowDisplay.Blank(Person.Name) is null && welfare ? null
            : new ServedPersonInput(WindowDisplay.Blank(Person.Name), WindowDisplay.Blank(Person.IdCardNumber), WindowDisplay.Blank(Person.Phone));
        return new RecordServiceInput(WindowId, Kind, null, person, WindowDisplay.Blank(Matter), WindowDisplay.Blank(Advice), Minutes,
            WindowDisplay.Blank(LawsCited), FollowUpNeeded, WindowDisplay.Blank(FollowUpNote),
            welfare ? WindowDisplay.Blank(Topic) : null, welfare ? WindowDisplay.Blank(Place) : null, welfare ? Attendance : null);
    }
}

internal sealed class ServedPersonForm
{
    public string? Name { get; set; }
    public string? IdCardNumber { get; set; }
    public string? Phone { get; set; }
}
