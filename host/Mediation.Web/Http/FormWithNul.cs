using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Mediation.Web.Http;

/// <summary>
/// ASP.NET Core's form reader refuses a URL-encoded form holding an escaped NUL ("%00") outright, so antiforgery could not read the
/// token and a page answered "表单已过期…" (<c>Core:FormTokenMissing</c>) for a value that is simply invalid text. Such a form is read
/// here once more by the lenient rules of a query string, so the NUL reaches <c>TextRules</c> like every other control character:
/// <c>Core:Validation:InvalidText</c> beside the field on a page that shows its form's errors, a 400 problem elsewhere, nothing written.
/// Pages only: an API endpoint reads JSON or multipart, and a form posted to one is left to its binding as before.
/// </summary>
public sealed class FormWithNulMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        request.EnableBuffering();
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        // The reader's "The form value contains invalid characters." (its URL decoder refuses a NUL).
        catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(QueryHelpers.ParseQuery(body))));
        }
        // A form over the reader's limits (or a body cut short): the feature keeps the failed read, and the page's antiforgery meets it
        // as it did before this middleware read the form first.
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
        }
        request.Body.Position = 0;
        await next(context);
    }
}
