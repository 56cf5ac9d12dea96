using Mediation.Core.Data;
using Mediation.Core.Documents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Core.Documents.Data;

internal sealed class DocumentTemplateVersionConfiguration : IEntityTypeConfiguration<DocumentTemplateVersion>
{
    public void Configure(EntityTypeBuilder<DocumentTemplateVersion> b)
    {
        b.ToTable("DocumentTemplateVersions", MediationDbContext.CoreSchema);
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.TemplateName).HasMaxLength(DocumentTemplateVersion.MaxNameLength).IsRequired();
        b.Property(v => v.Text);
        b.Property(v => v.ChangedBy).HasMaxLength(DocumentTemplateVersion.MaxUserLength);
        b.Ignore(v => v.IsReset);
        // Two admins saving at once both compute the same next version: the index lets only one win.
        b.HasIndex(v => new { v.TemplateName, v.Version }).IsUnique();
    }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.ToTable("IssuedDocuments", MediationDbContext.CoreSchema);
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Number).HasMaxLength(IssuedDocument.MaxNumberLength).IsRequired();
        b.Property(d => d.Kind).HasMaxLength(IssuedDocument.MaxKindLength).IsRequired();
        b.Property(d => d.Title).HasMaxLength(IssuedDocument.MaxTitleLength).IsRequired();
        b.Property(d => d.RecordType).HasMaxLength(IssuedDocument.MaxRecordTypeLength).IsRequired();
        b.Property(d => d.RecordId).HasMaxLength(IssuedDocument.MaxRecordIdLength).IsRequired();
        b.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        b.Property(d => d.Content).IsRequired();
        b.Property(d => d.IssuedBy).HasMaxLength(DocumentTemplateVersion.MaxUserLength);
        b.HasIndex(d => d.Number).IsUnique();
        b.HasIndex(d => new { d.RecordType, d.RecordId });
        b.HasIndex(d => d.OrgUnitId);
        b.HasIndex(d => d.Sha256);
    }
}
