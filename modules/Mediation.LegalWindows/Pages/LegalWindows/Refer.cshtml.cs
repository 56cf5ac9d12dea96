using Mediation.Cases;
using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>The referral dialog: the committee, the dispute, the other side and every party's consent (人民调解法 Art. 17).</summary>
[Authorize(Policy = LegalWindowsPermissions.Services.Refer)]
internal sealed class ReferModel(ReferralAppService referrals) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReferForm Form { get; set; } = new();

    public ReferralCheckDto Check { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Check = await referrals.CheckAsync(Id, ct);
        Form.Summary = Check.DefaultSummary;
        Form.CommitteeId = Check.Committees.Count == 1 ? Check.Committees[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(nameof(Form), () => referrals.ReferAsync(Id, Form.ToInput(), ct))) return Redirect($"/LegalWindows/Records/{Id}");
        Check = await referrals.CheckAsync(Id, ct);
        return Page();
    }
}

internal sealed class ReferForm
{
    public Guid? CommitteeId { get; set; }
    public DisputeType? DisputeType { get; set; }
    public string? Summary { get; set; }
    public string? PersonIdCardNumber { get; set; }
    public bool PersonConsents { get; set; }
    public PartyKind OtherKind { get; set; } = PartyKind.Person;
    public string? OtherName { get; set; }
    public string? OtherIdCardNumber { get; set; }
    public string? OtherCreditCode { get; set; }
    public string? OtherPhone { get; set; }
    public string? OtherAddress { get; set; }
    public bool OtherConsents { get; set; }
    public string? ConcurrencyStamp { get; set; }

    public ReferToMediationInput ToInput() => new(CommitteeId, DisputeType, WindowDisplay.Blank(Summary), PersonConsents,
        [new ReferralPartyInput(OtherKind, WindowDisplay.Blank(OtherName), OtherKind is PartyKind.Person ? WindowDisplay.Blank(OtherIdCardNumber) : null,
            OtherKind is PartyKind.Organisation ? WindowDisplay.Blank(OtherCreditCode) : null, WindowDisplay.Blank(OtherPhone),
            WindowDisplay.Blank(OtherAddress), OtherConsents)],
        ConcurrencyStamp, WindowDisplay.Blank(PersonIdCardNumber));
}
