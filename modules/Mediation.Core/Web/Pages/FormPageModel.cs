using System.Globalization;
using Mediation.Core.Domain;
using Mediation.Core.Localization;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Web.Pages;

/// <summary>
/// What every module's form page shares: a refused write becomes localized messages next to the form (never the error page),
/// and an unknown or out-of-scope record is a plain 404, as in the API.
/// </summary>
public abstract class FormPageModel : PageModel, IShowsFormErrors
{
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled) return;
        switch (executed.Exception)
        {
            case EntityNotFoundException:
                executed.Result = NotFound();
                executed.ExceptionHandled = true;
                break;
            case ForbiddenException:
                executed.Result = Forbid();
                executed.ExceptionHandled = true;
                break;
        }
    }

    /// <summary>Runs a write; on refusal the messages go into ModelState under the form's field names and false is returned.</summary>
    protected async Task<bool> TryAsync(string formPrefix, Func<Task> write)
    {
        if (!ModelState.IsValid)
        {
            LocalizeBindingErrors();
            return false;
        }
        try
        {
            await write();
            return true;
        }
        catch (InputValidationException invalid)
        {
            foreach (var error in invalid.Errors) ModelState.AddModelError(FieldKey(formPrefix, error.Field), Text(error.Code, error.Parameters));
        }
        catch (BusinessException business) when (business is not EntityNotFoundException and not ForbiddenException)
        {
            ModelState.AddModelError("", Text(business.Code, business.Parameters));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Text(CoreErrorCodes.ConcurrencyConflict));
        }
        return false;
    }

    protected string Text(string code, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var catalog = HttpContext.RequestServices.GetRequiredService<TextCatalog>();
        var culture = CultureInfo.CurrentUICulture;
        return catalog.Format(catalog.Find(code, culture) ?? code, parameters ?? new Dictionary<string, object?>(), culture);
    }

    /// <summary>"parties[0].idCardNumber" from a service is "Form.Parties[0].IdCardNumber" on the page.</summary>
    internal static string FieldKey(string formPrefix, string field) =>
        formPrefix + "." + string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));

    // The framework's own binding messages are English only; a value that does not even parse is "not in the right format". A text
    // refused for its characters (FormTextPageFilter) keeps that message.
    private void LocalizeBindingErrors()
    {
        var invalidText = Text(CoreErrorCodes.Validation.InvalidText);
        var message = Text(CoreErrorCodes.Validation.Pattern);
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            var kept = entry!.Errors.Any(e => e.ErrorMessage == invalidText) ? invalidText : message;
            entry.Errors.Clear();
            ModelState.AddModelError(key, kept);
        }
    }
}
