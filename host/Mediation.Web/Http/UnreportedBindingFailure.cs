using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Web.Http;

/// <summary>
/// The minimal-API delegates are generated at build time (EnableRequestDelegateGenerator, issue 17 P5). With
/// ThrowOnBadRequest the generated code throws "Failed to bind parameter …" like the runtime-built delegates, except for a
/// nullable parsable parameter ("withinDays=soon" for an int?): there it only sets 400 and returns, naming nothing. This finds
/// the parameter such a bare 400 came from, the first one in the handler's order whose route, query or header text does not
/// parse, so that it is answered with the same named problem as every other binding failure.
/// </summary>
internal static class UnreportedBindingFailure
{
    /// <summary>How the message of a parameter given twice says so, for <see cref="ApiErrorMiddleware"/> to tell the client.</summary>
    public const string GivenMoreThanOnce = "was given more than once";

    /// <summary>The exception the runtime-built delegate would have thrown, or null when no parameter's text fails to parse.</summary>
    public static BadHttpRequestException? Find(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint) return null;
        foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            var type = parameter.ParameterInfo.ParameterType;
            if (!parameter.HasTryParse || type == typeof(string)) continue;
            var elementType = type.IsArray ? type.GetElementType()! : type;
            elementType = Nullable.GetUnderlyingType(elementType) ?? elementType;
            var values = RawValues(context.Request, parameter);
            // "?today=true&today=false" for a bool?: each value parses, the pair does not.
            if (!type.IsArray && values.Length > 1)
                return new BadHttpRequestException(string.Create(CultureInfo.InvariantCulture,
                    $"The parameter \"{elementType.Name} {parameter.Name}\" {GivenMoreThanOnce}."));
            var unparsable = values.FirstOrDefault(value => !string.IsNullOrEmpty(value) && !Parses(elementType, value));
            if (unparsable is not null)
                return new BadHttpRequestException(string.Create(CultureInfo.InvariantCulture,
                    $"Failed to bind parameter \"{elementType.Name} {parameter.Name}\" from \"{unparsable}\"."));
        }
        return null;
    }

    private static string?[] RawValues(HttpRequest request, IParameterBindingMetadata parameter)
    {
        var info = parameter.ParameterInfo;
        if (info.GetCustomAttribute<FromHeaderAttribute>() is not null) return request.Headers[parameter.Name].ToArray();
        if (info.GetCustomAttribute<FromQueryAttribute>() is null && request.RouteValues.TryGetValue(parameter.Name, out var routeValue))
            return [routeValue?.ToString()];
        return request.Query[parameter.Name].ToArray();
    }

    private static bool Parses(Type type, string value)
    {
        if (type.IsEnum) return Enum.TryParse(type, value, ignoreCase: true, out _);
        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withProvider is not null) return (bool)withProvider.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        // A type the framework binds some other way: not this parameter's fault as far as can be told.
        return plain is null || (bool)plain.Invoke(null, [value, null])!;
    }
}
