using System.Globalization;
using Mediation.Cases.Application;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Cases.Pages.Visits;

/// <summary>回访: the visits due in the caller's units and the form that records one.</summary>
[Authorize(Policy = CasesPermissions.Visits.Record)]
public sealed class IndexModel(ProblemWriter messages) : PageModel, Mediation.Core.Web.Pages.IShowsFormErrors
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public IReadOnlyList<FollowUpVisitDto> Due { get; private set; } = [];

    public FollowUpVisitDto? Selected { get; private set; }

    [BindProperty]
    public VisitForm Form { get; set; } = new();

    public string? Saved { get; private set; }

    /// <summary>Only the visits whose day has come (?today=true, what the workbench's 今日应回访 count opens).</summary>
    public bool TodayOnly { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(Guid? visitId, string? saved, bool today, CancellationToken ct)
    {
        Saved = saved;
        TodayOnly = today;
        await LoadAsync(visitId, ct);
        if (Selected is not null)
            Form = new VisitForm
            {
                CaseId = Selected.CaseId, VisitId = Selected.Id, ConcurrencyStamp = Selected.ConcurrencyStamp,
                VisitedAt = DateTimeOffset.UtcNow.ToOffset(ChinaOffset).DateTime, Visitor = User.Identity?.Name,
                Terms = Selected.Terms.Select(t => new TermRow { Number = t.Number }).ToList(),
                Parties = Selected.Parties.Select(p => new PartyRow { PartyId = p.PartyId }).ToList(),
            };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var visits = HttpContext.RequestServices.GetRequiredService<FollowUpAppService>();
        var invalidText = messages.Localize(CoreErrorCodes.Validation.InvalidText, null, CultureInfo.CurrentUICulture);
        var refusedText = ModelState.Where(e => e.Value!.Errors.Any(x => x.ErrorMessage == invalidText)).Select(e => e.Key).ToList();
        if (refusedText.Count > 0)
        {
            // A text with a control character (FormTextPageFilter): shown beside the form, nothing written.
            Errors.AddRange(refusedText.Select(key => (key.Length == 0 ? "" : key.Replace("Form.", "", StringComparison.Ordinal) + "：") + invalidText));
            await LoadAsync(Form.VisitId, ct);
            return Page();
        }
        try
        {
            var recorded = await visits.RecordAsync(Form.CaseId, Form.VisitId, new RecordVisitInput(
                Form.VisitedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), ChinaOffset) : null,
                Form.Method,
                Form.Terms.Select(t => new TermPerformanceInput(t.Number, t.Performance, t.Note)).ToList(),
                Form.Parties.Select(p => new PartySatisfactionInput(p.PartyId, p.Satisfaction, p.Note)).ToList(),
                Form.Notes, Form.Visitor, Form.ConcurrencyStamp), ct);
            return RedirectToPage(new { saved = recorded.CaseNumber });
        }
        catch (InputValidationException invalid)
        {
            Errors.AddRange(invalid.Errors.Select(e => e.Field + "：" + messages.Localize(e.Code, e.Parameters, CultureInfo.CurrentUICulture)));
        }
        catch (BusinessException refused)
        {
            Errors.Add(messages.Localize(refused.Code, refused.Parameters, CultureInfo.CurrentUICulture));
        }
        await LoadAsync(Form.VisitId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid? visitId, CancellationToken ct)
    {
        Due = await HttpContext.RequestServices.GetRequiredService<FollowUpAppService>().ListDueAsync(null, ct, TodayOnly);
        Selected = visitId is { } id ? Due.FirstOrDefault(v => v.Id == id) : null;
    }

    public sealed class VisitForm
    {
        public Guid CaseId { get; set; }
        public Guid VisitId { get; set; }
        public string? ConcurrencyStamp { get; set; }
        public DateTime? VisitedAt { get; set; }
        public VisitMethod? Method { get; set; }
        public string? Visitor { get; set; }
        public string? Notes { get; set; }
        public List<TermRow> Terms { get; set; } = [];
        public List<PartyRow> Parties { get; set; } = [];
    }

    public sealed class TermRow
    {
        public int Number { get; set; }
        public TermPerformance? Performance { get; set; }
        public string? Note { get; set; }
    }

    public sealed class PartyRow
    {
        public Guid PartyId { get; set; }
        public PartySatisfaction? Satisfaction { get; set; }
        public string? Note { get; set; }
    }
}
