using Mediation.Core.Auditing;
using Mediation.Core.Web;
using Mediation.Core.Errors;
using System.Reflection;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Web.Http;

/// <summary>
/// Enum parameters of the API's query, route and headers follow the JSON rule (<see cref="StrictEnumJsonConverter"/>):
/// one defined member by name. The framework binds them with Enum.TryParse, which takes "7" and "Open,Closed" and hands the
/// endpoint a value that is no member — the desk queue then showed every request for "?view=7".
/// </summary>
public static class StrictEnumParameters
{
    private enum Source { QueryOrRoute, Query, Route, Header }

    private sealed record Checked(string Name, Type EnumType, bool IsList, Source Source);

    /// <summary>For <c>AddEndpointFilterFactory</c> on the API's root group: checks the raw text of every enum parameter before the handler runs.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters().Select(Describe).OfType<Checked>().ToArray();
        if (parameters.Length == 0) return next;
        return invocation =>
        {
            var errors = parameters.Where(p => !IsMember(invocation.HttpContext.Request, p))
                .Select(p => new FieldError(p.Name, CoreErrorCodes.Validation.NotAMember, new Dictionary<string, object?>()))
                .ToList();
            if (errors.Count > 0) throw new InputValidationException(errors);
            return next(invocation);
        };
    }

    /// <summary>True when the endpoint binds an enum from the parameter so named: a value the framework could not even parse is then "not a member" too.</summary>
    public static bool IsEnumParameter(Endpoint? endpoint, string name) =>
        endpoint?.Metadata.GetMetadata<MethodInfo>() is { } method
        && method.GetParameters().Select(Describe).Any(p => p is not null && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static Checked? Describe(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var isList = type.IsArray;
        if (isList) type = type.GetElementType()!;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!type.IsEnum) return null;
        return parameter.GetCustomAttribute<FromQueryAttribute>() is { } query ? new(query.Name ?? parameter.Name!, type, isList, Source.Query)
            : parameter.GetCustomAttribute<FromRouteAttribute>() is { } route ? new(route.Name ?? parameter.Name!, type, isList, Source.Route)
            : parameter.GetCustomAttribute<FromHeaderAttribute>() is { } header ? new(header.Name ?? parameter.Name!, type, isList, Source.Header)
            : parameter.GetCustomAttribute<FromBodyAttribute>() is not null || parameter.GetCustomAttribute<FromFormAttribute>() is not null ? null
            : new(parameter.Name!, type, isList, Source.QueryOrRoute);
    }

    private static bool IsMember(HttpRequest request, Checked parameter)
    {
        string?[] values = parameter.Source switch
        {
            Source.Route => [request.RouteValues[parameter.Name]?.ToString()],
            Source.Header => request.Headers[parameter.Name].ToArray(),
            Source.QueryOrRoute when request.RouteValues.ContainsKey(parameter.Name) => [request.RouteValues[parameter.Name]?.ToString()],
            _ => request.Query[parameter.Name].ToArray(),
        };
        if (!parameter.IsList && values.Length > 1) return false;
        // An empty value is "not given", as the framework binds it for a nullable parameter.
        return values.All(v => string.IsNullOrEmpty(v) || StrictEnumJsonConverter.TryParse(parameter.EnumType, v, out _));
    }
}
