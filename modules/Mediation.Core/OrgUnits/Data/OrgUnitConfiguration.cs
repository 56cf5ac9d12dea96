using Mediation.Core.Data;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Core.OrgUnits.Data;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("OrgUnits", MediationDbContext.CoreSchema);
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Code).HasMaxLength(OrgUnit.MaxCodeLength).IsRequired();
        b.Property(u => u.Name).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        b.Property(u => u.IssuingBodyName).HasMaxLength(OrgUnit.MaxIssuingBodyNameLength);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.Path).HasMaxLength(400).IsRequired();
        b.Ignore(u => u.Depth);
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.Path);
        b.HasIndex(u => u.ParentId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
