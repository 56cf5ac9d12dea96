using Mediation.Core.Identity;
using Mediation.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Identity;

/// <summary>The Identity tables (what IdentityDbContext would configure), in the core schema of our one context.</summary>
internal static class IdentityModelConfiguration
{
    private const string Schema = MediationDbContext.CoreSchema;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<AppUser>(b =>
        {
            b.ToTable("Users", Schema);
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail);
            b.HasIndex(u => u.IdCardHash);
            b.HasIndex(u => u.MobileHash);
            b.HasIndex(u => u.OrgUnitId);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken().HasMaxLength(40);
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.SecurityStamp).HasMaxLength(100);
            b.Property(u => u.PasswordHash).HasMaxLength(500);
            b.Property(u => u.PhoneNumber).HasMaxLength(50);
            b.Property(u => u.IdCardMasked).HasMaxLength(32);
            b.Property(u => u.IdCardCipher).HasMaxLength(200);
            b.Property(u => u.IdCardHash).HasMaxLength(64);
            b.Property(u => u.MobileMasked).HasMaxLength(32);
            b.Property(u => u.MobileCipher).HasMaxLength(200);
            b.Property(u => u.MobileHash).HasMaxLength(64);
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
        });
        model.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("UserClaims", Schema);
            b.HasKey(c => c.Id);
            b.Property(c => c.ClaimType).HasMaxLength(256);
            b.Property(c => c.ClaimValue).HasMaxLength(1000);
        });
        model.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("UserLogins", Schema);
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        model.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("UserTokens", Schema);
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
            b.Property(t => t.Value).HasMaxLength(1000);
        });
        model.Entity<AppRole>(b =>
        {
            b.ToTable("Roles", Schema);
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.NormalizedName).IsUnique();
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken().HasMaxLength(40);
            b.Property(r => r.Name).HasMaxLength(256);
            b.Property(r => r.NormalizedName).HasMaxLength(256);
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<Guid>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        });
        model.Entity<IdentityUserRole<Guid>>(b =>
        {
            b.ToTable("UserRoles", Schema);
            b.HasKey(r => new { r.UserId, r.RoleId });
        });
        model.Entity<IdentityRoleClaim<Guid>>(b =>
        {
            b.ToTable("RoleClaims", Schema);
            b.HasKey(c => c.Id);
            b.Property(c => c.ClaimType).HasMaxLength(256);
            b.Property(c => c.ClaimValue).HasMaxLength(1000);
        });
        model.Entity<RolePermission>(b =>
        {
            b.ToTable("RolePermissions", Schema);
            b.HasKey(p => new { p.RoleId, p.Permission });
            b.Property(p => p.Permission).HasMaxLength(200);
            b.HasOne<AppRole>().WithMany().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AppliedPermissionDefault>(b =>
        {
            b.ToTable("AppliedPermissionDefaults", Schema);
            b.HasKey(p => p.Permission);
            b.Property(p => p.Permission).HasMaxLength(200);
        });
        model.Entity<SignInCounter>(b =>
        {
            b.ToTable("SignInCounters", Schema);
            b.HasKey(c => c.Key);
            b.Property(c => c.Key).HasMaxLength(80);
            b.HasIndex(c => c.WindowEndsAt);
        });
    }
}
