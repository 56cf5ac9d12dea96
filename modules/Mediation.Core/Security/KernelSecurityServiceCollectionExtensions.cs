using System.Text.Json;
using Mediation.Core.Auditing;
using Mediation.Core.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Security;

public static class KernelSecurityServiceCollectionExtensions
{
    /// <summary>Who the caller is, his data scope and permissions, the audit trail and the personal-data keys; sign-in is the host's.</summary>
    public static IServiceCollection AddKernelSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IDataScope, CurrentUserDataScope>();
        services.AddSingleton<PermissionCatalog>();
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditSaveChangesInterceptor>();
        services.AddScoped<SecurityAuditLog>();
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditSignal>();
        services.AddHostedService<AuditChainService>();

        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<IPostConfigureOptions<PersonalDataOptions>>(new DemoPersonalDataKeys(configuration));
        services.AddSingleton<PersonalDataProtector>();

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// Interceptors every provider's context gets: the modules' change feeds (they add outbox rows), then the audit rows, all in
    /// the change's own SaveChanges.
    /// </summary>
    public static IInterceptor[] DbContextInterceptors(IServiceProvider services) =>
        [.. services.GetServices<ISaveChangesInterceptor>(), services.GetRequiredService<AuditSaveChangesInterceptor>()];

    /// <summary>
    /// Without configured keys, a demo gets keys generated once into data/personal-data-keys.json;
    /// anything else refuses to start, because losing the key would lose the data.
    /// </summary>
    private sealed class DemoPersonalDataKeys(IConfiguration configuration) : IPostConfigureOptions<PersonalDataOptions>
    {
        public void PostConfigure(string? name, PersonalDataOptions options)
        {
            if (options.Keys.Count > 0) return;
            if (!configuration.GetValue<bool>("Demo:Enabled"))
                throw new InvalidOperationException("Configure PersonalData:Keys, PersonalData:CurrentKeyId and PersonalData:HashKey (see README, Personal data).");
            var file = Path.GetFullPath(configuration["PersonalData:KeyFile"] ?? "data/personal-data-keys.json");
            if (!File.Exists(file))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var generated = new PersonalDataOptions { Keys = { ["demo1"] = PersonalDataProtector.NewKey() }, CurrentKeyId = "demo1", HashKey = PersonalDataProtector.NewKey() };
                File.WriteAllText(file, JsonSerializer.Serialize(generated));
            }
            var loaded = JsonSerializer.Deserialize<PersonalDataOptions>(File.ReadAllText(file))!;
            options.Keys = loaded.Keys;
            options.CurrentKeyId = loaded.CurrentKeyId;
            options.HashKey = loaded.HashKey;
        }
    }
}
