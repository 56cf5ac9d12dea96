using Mediation.Core.Web.Pages;
using Mediation.Cases.Application;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Cases.Pages.Cases;

[Authorize(Policy = CasesPermissions.Cases.Register)]
internal sealed class RegisterModel(CaseAppService cases, ICurrentUser user) : FormPageModel
{
    public const int DefaultPartyRows = 2;

    [BindProperty]
    public RegisterForm Form { get; set; } = new();

    public IReadOnlyList<CommitteeDto> Committees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var mine = Committees.FirstOrDefault(c => c.Mediators.Any(m => m.UserId == user.Id)) ?? (Committees.Count > 0 ? Committees[0] : null);
        Form.CommitteeId = mine?.Id;
        if (user.Id is { } me && mine?.Mediators.Any(m => m.UserId == me) == true) Form.MediatorIds = [me];
        Form.Source = CaseSource.WalkIn;
        Form.RiskGrade = RiskGrade.Blue;
        Form.Parties = Enumerable.Range(0, DefaultPartyRows).Select(_ => new PartyForm()).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CaseDto? registered = null;
        if (await TryAsync(nameof(Form), async () => registered = await cases.RegisterAsync(Form.ToInput(), ct)))
            return RedirectToPage("/Cases/Detail", new { id = registered!.Id });
        await LoadAsync(ct);
        while (Form.Parties.Count < DefaultPartyRows) Form.Parties.Add(new PartyForm());
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Committees = await cases.ListCommitteesAsync(ct);
}

internal sealed class RegisterForm
{
    public Guid? CommitteeId { get; set; }
    public DisputeType? DisputeType { get; set; }
    public string? Summary { get; set; }
    public decimal? AmountInDispute { get; set; }
    public string? Place { get; set; }
    public CaseSource? Source { get; set; }
    public string? SourceRecordId { get; set; }
    public RiskGrade? RiskGrade { get; set; }
    public string? RiskReason { get; set; }
    public List<Guid> MediatorIds { get; set; } = [];
    public List<PartyForm> Parties { get; set; } = [];

    public RegisterCaseInput ToInput() => new(CommitteeId, DisputeType, Summary, AmountInDispute, Blank(Place), Source, Blank(SourceRecordId),
        Parties.Select(p => p.ToInput()).ToList(), MediatorIds, RiskGrade, Blank(RiskReason));

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class PartyForm
{
    public PartyKind Kind { get; set; } = PartyKind.Person;
    public string? Name { get; set; }
    public string? IdCardNumber { get; set; }
    public string? CreditCode { get; set; }
    public string? Representative { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Agent { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public bool ConsentsToMediation { get; set; }

    // 法定代理人 stands for a natural person without full capacity; an organisation acts through its 法定代表人. Either may send a 委托代理人.
    public PartyInput ToInput() => Kind is PartyKind.Person
        ? new(Kind, Name, RegisterForm.Blank(IdCardNumber), null, null, RegisterForm.Blank(Phone), RegisterForm.Blank(Address), ConsentsToMediation,
            RegisterForm.Blank(LegalRepresentative), RegisterForm.Blank(Agent))
        : new(Kind, Name, null, RegisterForm.Blank(CreditCode), RegisterForm.Blank(Representative), RegisterForm.Blank(Phone), RegisterForm.Blank(Address), ConsentsToMediation,
            null, RegisterForm.Blank(Agent));
}
