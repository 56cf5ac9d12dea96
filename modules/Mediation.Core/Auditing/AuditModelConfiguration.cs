using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Auditing;

internal static class AuditModelConfiguration
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries", MediationDbContext.CoreSchema);
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedOnAdd();
            b.Property(a => a.Category).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Action).HasMaxLength(50);
            b.Property(a => a.UserName).HasMaxLength(256);
            b.Property(a => a.IpAddress).HasMaxLength(64);
            b.Property(a => a.EntityType).HasMaxLength(200);
            b.Property(a => a.EntityId).HasMaxLength(200);
            b.Property(a => a.CorrelationId).HasMaxLength(100);
            b.Property(a => a.PreviousHash).HasMaxLength(64);
            b.Property(a => a.Hash).HasMaxLength(64);
            b.HasIndex(a => a.Sequence).IsUnique();
            b.HasIndex(a => a.OccurredAt);
            b.HasIndex(a => new { a.EntityType, a.EntityId });
        });
        model.Entity<Lease>(b =>
        {
            b.ToTable("Leases", MediationDbContext.CoreSchema);
            b.HasKey(l => l.Name);
            b.Property(l => l.Name).HasMaxLength(100);
            b.Property(l => l.Holder).HasMaxLength(200);
        });
    }
}
