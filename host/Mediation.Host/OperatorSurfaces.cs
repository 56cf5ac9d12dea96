using Hangfire.Dashboard;
using Mediation.Core.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mediation.Host;

/// <summary>The Hangfire dashboard is for holders of a permission (SystemAdmin by default), signed in by cookie.</summary>
internal sealed class PermissionDashboardFilter(string permission) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().RequestServices.GetRequiredService<ICurrentUser>().HasPermission(permission);
}

/// <summary>The browsable API docs show our endpoints' shapes: only to signed-in users.</summary>
internal sealed class SignedInOnlyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/swagger") && context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Redirect("/Account/SignIn?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return;
        }
        await next(context);
    }
}

/// <summary>Describes the bearer scheme of POST /api/auth/token in the OpenAPI document.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token from POST /api/auth/token.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}

/// <summary>
/// Enums travel as one member's name (<see cref="Mediation.Core.Web.StrictEnumJsonConverter"/>); the schema generator cannot see
/// inside a custom converter, so each enum schema gets its names here. An optional enum (<c>T?</c>) was left untyped (<c>{}</c>) and
/// generated clients made it <c>object</c>: it is a string of the names or null.
/// </summary>
internal sealed class EnumNamesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            var nullable = type != context.JsonTypeInfo.Type;
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Enum = [.. Enum.GetNames(type).Select(name => (System.Text.Json.Nodes.JsonNode)name)];
            // JSON null is a member of an optional enum; the document writes a null node as null.
            if (nullable) schema.Enum.Add(null!);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// A shared enum schema is referenced as <c>oneOf: [null, $ref]</c> where it is optional, so the shared schema itself is the names
/// only; when its first use was optional it came out nullable, and generators then invented a wrapper type for the optional uses.
/// </summary>
internal sealed class SharedEnumsNotNullableTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
        {
            if (schema.Enum is not { Count: > 0 } || schema.Type is not { } type || !type.HasFlag(JsonSchemaType.Null)) continue;
            schema.Type = type & ~JsonSchemaType.Null;
            schema.Enum = [.. schema.Enum.Where(value => value is not null)];
        }
        return Task.CompletedTask;
    }
}
