using System.Reflection;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Web.Http;

/// <summary>
/// What an API endpoint takes from its query or route is checked against common bounds before the handler runs, each a 400 on its
/// parameter: a day or instant lies between 2000 and 30 years ahead (<see cref="InputValidator.Planned(DateOnly?, DateTimeOffset, string)"/>),
/// a text has at most <see cref="MaxTextLength"/> characters. The framework binds 0001-01-01 and 9999-12-31 happily, and turning such a
/// China day into an instant threw (<c>/api/joint-meetings/meetings?from=0001-01-01</c> answered 500 although the case, petition and
/// desk lists checked their ranges); a 60,000-character <c>search</c> became a LIKE pattern SQLite refuses ("pattern too complex", 500).
/// </summary>
public static class ParameterBounds
{
    /// <summary>A search term, a month, a figure's name, a SHA-256: none comes near it.</summary>
    public const int MaxTextLength = 200;

    private sealed record Checked(int Index, string Name);

    /// <summary>For <c>AddEndpointFilterFactory</c> on the API's root group.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters().Select(Describe).OfType<Checked>().ToArray();
        if (parameters.Length == 0) return next;
        return invocation =>
        {
            var now = invocation.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var validator = new InputValidator();
            foreach (var parameter in parameters)
            {
                _ = invocation.Arguments[parameter.Index] switch
                {
                    DateOnly day => validator.Planned(day, now, parameter.Name),
                    DateTimeOffset instant => validator.Planned(instant, now, parameter.Name),
                    DateTime time => validator.Planned(DateOnly.FromDateTime(time), now, parameter.Name),
                    string text => validator.MaxLength(text, MaxTextLength, parameter.Name),
                    _ => validator,
                };
            }
            validator.ThrowIfInvalid();
            return next(invocation);
        };
    }

    private static Checked? Describe(ParameterInfo parameter, int index)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type != typeof(DateOnly) && type != typeof(DateTimeOffset) && type != typeof(DateTime) && type != typeof(string)) return null;
        return parameter.GetCustomAttribute<FromQueryAttribute>() is { } query ? new(index, query.Name ?? parameter.Name!)
            : parameter.GetCustomAttribute<FromRouteAttribute>() is { } route ? new(index, route.Name ?? parameter.Name!)
            : parameter.GetCustomAttribute<FromBodyAttribute>() is not null || parameter.GetCustomAttribute<FromFormAttribute>() is not null
              || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null || parameter.GetCustomAttribute<FromServicesAttribute>() is not null
              ? null
            : new(index, parameter.Name!);
    }
}
