using Mediation.Core.Data;
using Mediation.Core.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Core.Notifications.Data;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("Notices", MediationDbContext.CoreSchema);
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.Recipient).HasMaxLength(Notice.MaxRecipientLength);
        b.Property(n => n.Template).HasMaxLength(Notice.MaxTemplateLength).IsRequired();
        b.Property(n => n.Subject).HasMaxLength(Notice.MaxSubjectLength).IsRequired();
        b.Property(n => n.Body).IsRequired();
        b.Property(n => n.SourceKey).HasMaxLength(Notice.MaxSourceKeyLength);
        b.Property(n => n.Link).HasMaxLength(Notice.MaxLinkLength);
        b.Property(n => n.LastError).HasMaxLength(1000);
        b.HasIndex(n => new { n.OrgUnitId, n.Channel, n.CreatedAt });
        b.HasIndex(n => new { n.Channel, n.SentAt });
    }
}
