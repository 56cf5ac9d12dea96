using Mediation.Core.Web.Pages;
using Mediation.Cases;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>访调对接: the officer answers the excluded matters, names the other side, records every consent and picks the committee.</summary>
[Authorize(Policy = PetitionsPermissions.Petitions.HandOver)]
internal sealed class HandOverModel(PetitionHandOverAppService handOver) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public HandOverForm Form { get; set; } = new();

    public HandOverCheckDto Check { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form.Summary = Check.DefaultSummary;
        Form.CommitteeId = Check.Committees.Count == 1 ? Check.Committees[0].Id : null;
        Form.OtherParties = [new HandOverPartyForm()];
        Form.PetitionerConsents = Enumerable.Range(1, Check.Petitioners.Count).Select(position => new ConsentForm { Position = position }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(nameof(Form), () => handOver.HandOverAsync(Id, Form.ToInput(), ct)))
            return RedirectToPage("/Petitions/Detail", new { id = Id });
        await LoadAsync(ct);
        if (Form.OtherParties.Count == 0) Form.OtherParties.Add(new HandOverPartyForm());
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Check = await handOver.CheckAsync(Id, ct);
}

internal sealed class HandOverForm
{
    public Guid? CommitteeId { get; set; }
    public DisputeType? DisputeType { get; set; }
    public string? Summary { get; set; }
    public bool? SpecialisedBodyMatter { get; set; }
    public bool? LitigationOrArbitration { get; set; }
    public bool? AdministrativeDispute { get; set; }
    public bool? PartyRefuses { get; set; }
    public bool? CriminalMatter { get; set; }
    public bool? AccusationMatter { get; set; }
    public bool? PersonalStatusMatter { get; set; }
    public List<ConsentForm> PetitionerConsents { get; set; } = [];
    public List<HandOverPartyForm> OtherParties { get; set; } = [];
    public string? ConcurrencyStamp { get; set; }

    /// <summary>An exclusion question's answer by its key ("specialisedBodyMatter").</summary>
    public bool? Answer(string key) => key switch
    {
        "specialisedBodyMatter" => SpecialisedBodyMatter,
        "litigationOrArbitration" => LitigationOrArbitration,
        "administrativeDispute" => AdministrativeDispute,
        "partyRefuses" => PartyRefuses,
        "criminalMatter" => CriminalMatter,
        "accusationMatter" => AccusationMatter,
        "personalStatusMatter" => PersonalStatusMatter,
        _ => null,
    };

    public HandOverPetitionInput ToInput() => new(CommitteeId, DisputeType, PetitionForm.Blank(Summary),
        SpecialisedBodyMatter, LitigationOrArbitration, AdministrativeDispute, PartyRefuses,
        PetitionerConsents.Select(c => new PetitionerConsentInput(c.Position, c.Consents)).ToList(),
        OtherParties.Select(p => p.ToInput()).ToList(), ConcurrencyStamp, CriminalMatter, AccusationMatter, PersonalStatusMatter);
}

internal sealed class ConsentForm
{
    public int? Position { get; set; }
    public bool Consents { get; set; }
}

internal sealed class HandOverPartyForm
{
    public PartyKind Kind { get; set; } = PartyKind.Person;
    public string? Name { get; set; }
    public Mediation.Core.PersonalData.IdDocumentKind IdDocument { get; set; }
    public string? IdCardNumber { get; set; }
    public string? NoIdReason { get; set; }
    public string? CreditCode { get; set; }
    public string? Representative { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public bool Consents { get; set; }

    public HandOverPartyInput ToInput() => Kind is PartyKind.Person
        ? new(Kind, PetitionForm.Blank(Name), PetitionForm.Blank(IdCardNumber), null, null, PetitionForm.Blank(Phone), PetitionForm.Blank(Address), Consents,
            IdDocument, NoIdReason: PetitionForm.Blank(NoIdReason))
        : new(Kind, PetitionForm.Blank(Name), null, PetitionForm.Blank(CreditCode), PetitionForm.Blank(Representative), PetitionForm.Blank(Phone),
            PetitionForm.Blank(Address), Consents);
}
