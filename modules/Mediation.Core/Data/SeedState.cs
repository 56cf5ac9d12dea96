using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Core.Data;

/// <summary>
/// What the start-up seeds last ran with: a fingerprint of everything they depend on (the seeding code, the permission catalog,
/// the demo settings, the modules). A start whose fingerprint matches the stored one skips the seeds; any change runs them again.
/// </summary>
public sealed class SeedState
{
    /// <summary>The one row's key: the roles and the demo data are seeded together.</summary>
    public const string StartupKey = "startup";

    public required string Key { get; init; }

    /// <summary>SHA-256, lower-case hex.</summary>
    public required string Fingerprint { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

internal sealed class SeedStateConfiguration : IEntityTypeConfiguration<SeedState>
{
    public void Configure(EntityTypeBuilder<SeedState> b)
    {
        b.ToTable("SeedStates", MediationDbContext.CoreSchema);
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(40);
        b.Property(s => s.Fingerprint).HasMaxLength(64);
    }
}
