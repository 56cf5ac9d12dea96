using System.Globalization;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Web.Pages;

/// <summary>
/// A posted form obeys <see cref="TextRules"/> as the API's JSON does (<c>ControlCharacters</c>): every name and value (an uploaded file's
/// name is cleaned where it is stored, as for the API). A page that shows its form's errors (<see cref="IShowsFormErrors"/>) gets <see cref="CoreErrorCodes.Validation.InvalidText"/>
/// beside each field, and form-wide for a field it does not show, and its handler refuses to write while the form is invalid
/// (<see cref="FormPageModel"/>'s TryAsync). Any other page is not run: a 400 problem, as for a query it cannot read.
/// </summary>
public sealed class FormTextPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !request.HasFormContentType)
        {
            await next();
            return;
        }
        var refused = RefusedFields(await request.ReadFormAsync(context.HttpContext.RequestAborted));
        if (refused.Count == 0)
        {
            await next();
            return;
        }
        if (context.HandlerInstance is not IShowsFormErrors)
        {
            context.Result = new ProblemResult(CoreErrorCodes.ValidationFailed, null, refused
                .Select(f => new FieldError(QueryBindingPageFilter.FieldName(f), CoreErrorCodes.Validation.InvalidText, new Dictionary<string, object?>()))
                .ToList());
            return;
        }
        var message = context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>()
            .Localize(CoreErrorCodes.Validation.InvalidText, null, CultureInfo.CurrentUICulture);
        var bound = context.ActionDescriptor.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
            .Concat(context.HandlerMethod?.Parameters.Select(p => p.BindingInfo?.BinderModelName ?? p.Name) ?? [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var field in refused)
            context.ModelState.AddModelError(bound.Contains(RootOf(field)) ? field : "", message);
        await next();
    }

    /// <summary>The form's names whose value holds a character <see cref="TextRules"/> refuses; a refused name is "".</summary>
    internal static IReadOnlyList<string> RefusedFields(IFormCollection form)
    {
        var refused = new List<string>();
        foreach (var (name, values) in form)
        {
            if (!TextRules.IsAcceptable(name)) refused.Add("");
            else if (values.Any(v => !TextRules.IsAcceptable(v))) refused.Add(name);
        }
        return refused.Distinct().ToList();
    }

    // "Form.Parties[0].Note" is bound through the page's "Form" property.
    private static string RootOf(string field) => field.Split('.', '[')[0];
}

/// <summary>A page whose handlers show the form's errors beside it and write nothing while <c>ModelState</c> holds one.</summary>
public interface IShowsFormErrors;
