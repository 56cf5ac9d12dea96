using Mediation.Core.Data;
using Mediation.Core.Identity;
using System.Globalization;
using System.Text.Json;
using Mediation.Core.Auditing;
using Mediation.Core.Errors;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mediation.Identity;

public static class SecurityServiceCollectionExtensions
{
    public const string SmartScheme = "Mediation";

    public static IServiceCollection AddMediationSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        services.Configure<IdentitySettings>(configuration.GetSection(IdentitySettings.Section));

        services.AddKernelSecurity(configuration);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = settings.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = settings.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<MediationDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordClassesValidator>();
        services.AddScoped<SignInService>();
        services.AddScoped<SignInCounts>();
        services.AddScoped<IAnonymousWriteThrottle>(sp => sp.GetRequiredService<SignInCounts>());
        services.AddRateLimiter(_ => { });
        services.AddSingleton<SignInConcurrency>();
        services.AddScoped<SignInCounterPurgeJob>();
        services.AddScoped<TotpCodes>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<RolePermissionService>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<IKernelSeed, KernelSeed>();
        services.AddScoped<UserClaimsLoader>();
        services.AddSingleton<RolePermissionCache>();
        services.AddSingleton<UserClaimsCache>();
        services.AddScoped<IdentityChangeWatch>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>(sp => sp.GetRequiredService<IdentityChangeWatch>());
        services.AddScoped<IClaimsTransformation>(sp => sp.GetRequiredService<UserClaimsLoader>());
        services.AddScoped<IUserPrincipals, UserPrincipals>();

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? StampCheckedBearerHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                o.AccessDeniedPath = "/Account/Denied";
                o.ExpireTimeSpan = settings.IdleTimeout;
                o.SlidingExpiration = true;
                o.Cookie.Name = "mediation.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = context => ValidateCookieAsync(context, settings),
                    OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden),
                };
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = settings.TokenLifetime)
            .AddScheme<AuthenticationSchemeOptions, StampCheckedBearerHandler>(StampCheckedBearerHandler.SchemeName, null);
        // After the framework has set the data-protection format: tokens are decrypted once, not on every request (issue 17).
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).PostConfigure<TimeProvider>((o, clock) =>
            o.BearerTokenProtector = new BearerTicketCache(o.BearerTokenProtector, clock, settings.BearerTicketCacheDuration));

        return services;
    }

    // A cookie past its absolute lifetime, of an inactive account or with a rotated security stamp is no sign-in at
    // all (401 / the sign-in page), not a signed-in caller without rights (403).
    private static async Task ValidateCookieAsync(CookieValidatePrincipalContext context, IdentitySettings settings)
    {
        var issued = context.Principal?.FindFirst(MediationClaimTypes.IssuedAt)?.Value;
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var loaded = long.TryParse(issued, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= settings.AbsoluteLifetime
            && context.Principal is not null
                ? await context.HttpContext.RequestServices.GetRequiredService<UserClaimsLoader>().TransformAsync(context.Principal)
                : null;
        if (loaded?.Identity?.IsAuthenticated == true)
        {
            context.ReplacePrincipal(loaded);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiRequests.IsApi(context.Request)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
