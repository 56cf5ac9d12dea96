using Mediation.Core.Web.Pages;
using Mediation.Core.Security;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>
/// Intake from every channel. Likely duplicates are shown while the officer types (the Duplicates handler) and checked again on
/// submit: a filing goes through only once every likely duplicate has been shown, and the officer may link it as a repeat instead.
/// </summary>
[Authorize(Policy = PetitionsPermissions.Petitions.Register)]
internal sealed class RegisterModel(PetitionAppService petitions, PetitionPageQuery query, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty]
    public PetitionForm Form { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    /// <summary>The likely duplicates shown with the form (after a submit that found unseen ones).</summary>
    public IReadOnlyList<DuplicateCandidateDto> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form.Channel = PetitionChannel.Visit;
        Form.OrgUnitId = user.OrgUnitId;
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        Form.ReceivedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        Form.Petitioners = [new PetitionerForm()];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PetitionDto? registered = null;
        var unseen = false;
        var saved = await TryAsync(nameof(Form), async () =>
        {
            if (Form.RepeatOfPetitionId is null)
            {
                var duplicates = await petitions.FindDuplicatesAsync(Form.ToDuplicateQuery(), ct);
                if (duplicates.Any(d => !Form.ReviewedDuplicates.Contains(d.PetitionId)))
                {
                    Duplicates = duplicates;
                    unseen = true;
                    return;
                }
            }
            registered = await petitions.RegisterAsync(Form.ToInput(), ct);
        });
        if (saved && registered is not null) return RedirectToPage("/Petitions/Detail", new { id = registered.Id });
        if (unseen) ModelState.AddModelError("", Text("PetitionsUi:DuplicatesFound"));
        await LoadAsync(ct);
        if (Form.Petitioners.Count == 0) Form.Petitioners.Add(new PetitionerForm());
        return Page();
    }

    /// <summary>The hint block for the draft as typed so far; an incomplete draft (no matter yet) simply has no hints.</summary>
    public async Task<IActionResult> OnPostDuplicatesAsync(CancellationToken ct)
    {
        IReadOnlyList<DuplicateCandidateDto> duplicates = [];
        if (!string.IsNullOrWhiteSpace(Form.Matter) || Form.Petitioners.Any(p => !string.IsNullOrWhiteSpace(p.IdCardNumber) || !string.IsNullOrWhiteSpace(p.Phone)))
        {
            var draft = Form.ToDuplicateQuery();
            // Only an ID or phone typed so far: the service needs some matter text, and a dash matches no text, only the petitioner.
            if (string.IsNullOrWhiteSpace(draft.Matter)) draft = draft with { Matter = "-" };
            if (!await TryAsync(nameof(Form), async () => duplicates = await petitions.FindDuplicatesAsync(draft, ct))) duplicates = [];
        }
        return Partial("_Duplicates", new DuplicatesView(duplicates, Form.RepeatOfPetitionId));
    }

    private async Task LoadAsync(CancellationToken ct) => Units = await query.UnitsInScopeAsync(ct);
}

internal sealed record DuplicatesView(IReadOnlyList<DuplicateCandidateDto> Candidates, Guid? Chosen);

internal sealed class PetitionForm
{
    public PetitionChannel? Channel { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public Guid? OrgUnitId { get; set; }
    public List<PetitionerForm> Petitioners { get; set; } = [];
    public string? Matter { get; set; }
    public string? RequestedOutcome { get; set; }
    public string? Place { get; set; }
    public TransferKind? TransferKind { get; set; }
    public string? TransferringBody { get; set; }
    public string? TransferReference { get; set; }
    public Guid? RepeatOfPetitionId { get; set; }
    /// <summary>The likely duplicates the officer was shown before submitting.</summary>
    public List<Guid> ReviewedDuplicates { get; set; } = [];

    public RegisterPetitionInput ToInput()
    {
        var transferred = Channel is PetitionChannel.Transferred;
        return new(Channel, ReceivedAt is { } local ? new DateTimeOffset(local, TimeSpan.FromHours(8)) : null, OrgUnitId,
            Petitioners.Select(p => p.ToInput()).ToList(), Blank(Matter), Blank(RequestedOutcome), Blank(Place),
            transferred ? TransferKind : null, transferred ? Blank(TransferringBody) : null, transferred ? Blank(TransferReference) : null, RepeatOfPetitionId);
    }

    public DuplicateQueryInput ToDuplicateQuery() =>
        new(OrgUnitId, Petitioners.Select(p => p.ToInput()).ToList(), Blank(Matter), Blank(RequestedOutcome), Blank(Place));

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class PetitionerForm
{
    public string? Name { get; set; }
    public string? IdCardNumber { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    public PetitionerInput ToInput() => new(PetitionForm.Blank(Name), PetitionForm.Blank(IdCardNumber), PetitionForm.Blank(Phone), PetitionForm.Blank(Address));
}
