using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mediation.Web.Http;

/// <summary>
/// Every text an API endpoint takes — a query or route value, each string of the JSON body however deep — obeys <see cref="TextRules"/>
/// before the handler runs: a 400 problem naming each field (<c>place</c>, <c>parties[1].address</c>) with
/// <see cref="CoreErrorCodes.Validation.InvalidText"/>. It walks what was bound rather than converting strings while reading, because a
/// converter for <see cref="string"/> would leave every string of the OpenAPI document untyped. Free-form JSON values are checked while
/// reading (<see cref="Mediation.Core.Web.WellFormedJsonElementConverter"/>).
/// </summary>
public static class ControlCharacters
{
    private const int MaxDepth = 16;

    private sealed record Checked(int Index, string Prefix);

    /// <summary>For <c>AddEndpointFilterFactory</c> on the API's root group.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters().Select((p, i) => Describe(p, i, services)).OfType<Checked>().ToArray();
        if (parameters.Length == 0) return next;
        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return invocation =>
        {
            List<FieldError>? errors = null;
            foreach (var parameter in parameters)
                Visit(invocation.Arguments[parameter.Index], parameter.Prefix, json, 0, ref errors);
            if (errors is not null) throw new InputValidationException(errors);
            return next(invocation);
        };
    }

    private static Checked? Describe(ParameterInfo parameter, int index, IServiceProviderIsService? services)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<FromServicesAttribute>() is not null || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null
            || services?.IsService(type) == true || !MayHoldText(type)) return null;
        if (type == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(type))
            return new(index, parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name ?? parameter.Name!);
        return new(index, ""); // a body, or [AsParameters]: its fields are named as the client sends them
    }

    /// <summary>A string, a list of them, or one of the application's own input types (services and framework types are never walked).</summary>
    private static bool MayHoldText(Type type)
    {
        if (type == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(type)) return true;
        if (type.IsArray) return MayHoldText(type.GetElementType()!);
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)) return type.GetGenericArguments().Any(MayHoldText);
        return type.Namespace?.StartsWith("Mediation.", StringComparison.Ordinal) == true && !type.IsEnum && !typeof(Delegate).IsAssignableFrom(type);
    }

    private static void Visit(object? value, string field, JsonSerializerOptions json, int depth, ref List<FieldError>? errors)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!TextRules.IsAcceptable(text))
                    (errors ??= []).Add(new FieldError(field.Length == 0 ? "body" : field, CoreErrorCodes.Validation.InvalidText, new Dictionary<string, object?>()));
                return;
            case JsonElement:
                return; // checked while reading
        }
        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || type.IsValueType && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = entry.Key.ToString() ?? "";
                Visit(key, Join(field, key), json, depth + 1, ref errors);
                Visit(entry.Value, Join(field, key), json, depth + 1, ref errors);
            }
            return;
        }
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items) Visit(item, $"{field}[{index++}]", json, depth + 1, ref errors);
            return;
        }
        if (!MayHoldText(type) || InfoOf(type, json) is not { Kind: JsonTypeInfoKind.Object } info) return;
        foreach (var property in info.Properties)
        {
            if (property.Get is { } get) Visit(get(value), Join(field, property.Name), json, depth + 1, ref errors);
        }
    }

    // Bound values are the contract's types; one the serializer cannot describe was not read from JSON and holds no client text.
    private static JsonTypeInfo? InfoOf(Type type, JsonSerializerOptions json)
    {
        try
        {
            return json.GetTypeInfo(type);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
