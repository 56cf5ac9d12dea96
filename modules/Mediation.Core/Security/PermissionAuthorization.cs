using Mediation.Core.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Security;

/// <summary>A policy per declared permission: signed in, and holding that permission.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionCatalog permissions)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null || !permissions.Names.Contains(policyName)) return policy;
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(MediationClaimTypes.Permission, policyName)
            .Build();
    }
}

/// <summary>
/// Audits every denial; the status codes themselves become problem details in the host's ApiErrorMiddleware.
/// A singleton (ASP.NET Core resolves the handler once): the scoped audit log is taken from the
/// request, so a denial is recorded with this request's user, not the first request's.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var required = policy.Requirements.OfType<ClaimsAuthorizationRequirement>().SelectMany(r => r.AllowedValues ?? []).ToArray();
            await context.RequestServices.GetRequiredService<SecurityAuditLog>().WriteAsync(AuditActions.PermissionDenied, new { path = context.Request.Path.Value, method = context.Request.Method, required },
                ct: context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission);
}
