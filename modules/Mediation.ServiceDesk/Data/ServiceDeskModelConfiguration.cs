using Mediation.Core.Attachments;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Data;

internal static class ServiceDeskModelConfiguration
{
    public const string Schema = "service_desk";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<Enterprise>(b =>
        {
            b.ToTable("Enterprises", Schema);
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.CreditCode).HasMaxLength(18);
            b.Property(e => e.Name).HasMaxLength(200);
            b.Property(e => e.LegalRepresentative).HasMaxLength(100);
            b.Property(e => e.ContactName).HasMaxLength(100);
            b.Property(e => e.ContactPhoneMasked).HasMaxLength(32);
            b.Property(e => e.ContactPhoneCipher).HasMaxLength(200);
            b.Property(e => e.ContactPhoneHash).HasMaxLength(64);
            b.Property(e => e.Address).HasMaxLength(300);
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.DecidedBy).HasMaxLength(256);
            b.Property(e => e.RejectionReason).HasMaxLength(500);
            b.HasIndex(e => e.CreditCode).IsUnique();
            b.HasIndex(e => e.OrgUnitId);
            b.OwnsMany(e => e.Members, m =>
            {
                m.ToTable("EnterpriseMembers", Schema);
                m.WithOwner().HasForeignKey("EnterpriseId");
                m.Property<int>("Id");
                m.HasKey("Id");
                m.Property(x => x.UserName).HasMaxLength(256);
                // One account belongs to one enterprise: its isolation rests on that.
                m.HasIndex(x => x.UserId).IsUnique();
            });
            b.Navigation(e => e.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<DeskRequest>(b =>
        {
            b.ToTable("Requests", Schema);
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Number).HasMaxLength(60);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(r => r.Title).HasMaxLength(200);
            b.Property(r => r.Description).HasMaxLength(4000);
            b.Property(r => r.Project).HasMaxLength(200);
            b.Property(r => r.SubmittedBy).HasMaxLength(256);
            b.Property(r => r.FirstResponderName).HasMaxLength(100);
            b.Property(r => r.OwnerName).HasMaxLength(100);
            b.Property(r => r.OwnerDepartment).HasMaxLength(200);
            b.Property(r => r.SuppliedMaterials).HasMaxLength(500);
            b.Property(r => r.Result).HasMaxLength(4000);
            b.Property(r => r.ConcludedBy).HasMaxLength(100);
            b.Property(r => r.Rating).HasConversion<string>().HasMaxLength(30);
            b.Property(r => r.RatingComment).HasMaxLength(1000);
            b.Property(r => r.Route).HasConversion<string>().HasMaxLength(30);
            b.Property(r => r.RouteBody).HasMaxLength(200);
            b.Property(r => r.RouteNote).HasMaxLength(1000);
            b.Property(r => r.CaseNumber).HasMaxLength(60);
            b.Property(r => r.PetitionNumber).HasMaxLength(60);
            b.HasIndex(r => r.PetitionId);
            b.Property(r => r.RouteOutcome).HasMaxLength(1000);
            b.Property(r => r.EscalatedToUnitName).HasMaxLength(100);
            b.Property(r => r.EscalationReason).HasMaxLength(500);
            b.Property(r => r.EscalatedBy).HasMaxLength(100);
            b.HasIndex(r => r.EscalatedToUnitId);
            b.Ignore(r => r.EscalationPending);
            b.Ignore(r => r.HoldingUnitId);
            b.HasIndex(r => new { r.OrgUnitId, r.Year, r.SequenceNumber }).IsUnique();
            b.HasIndex(r => r.Number).IsUnique();
            b.HasIndex(r => new { r.EnterpriseId, r.SubmittedAt });
            b.HasIndex(r => new { r.OrgUnitId, r.SubmittedAt });
            b.HasIndex(r => r.OwnerId);
            b.HasIndex(r => r.FirstResponderId);
            b.HasIndex(r => r.CaseId);
            b.Ignore(r => r.Missing);
            b.Ignore(r => r.Supplied);
            b.Ignore(r => r.OpenNotice);
            b.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(r => r.Transfers, t =>
            {
                t.ToTable("RequestTransfers", Schema);
                t.WithOwner().HasForeignKey("RequestId");
                t.Property<int>("Id");
                t.HasKey("Id");
                t.Property(x => x.FromName).HasMaxLength(100);
                t.Property(x => x.ToName).HasMaxLength(100);
                t.Property(x => x.ToDepartment).HasMaxLength(200);
                t.Property(x => x.Reason).HasMaxLength(500);
            });
            b.OwnsMany(r => r.Notices, n =>
            {
                n.ToTable("MaterialsNotices", Schema);
                n.WithOwner().HasForeignKey("RequestId");
                n.Property<int>("Id");
                n.HasKey("Id");
                n.Property(x => x.Items).HasMaxLength(2000);
                n.Property(x => x.SuppliedItems).HasMaxLength(2000);
                n.Property(x => x.Reason).HasMaxLength(500);
                n.Property(x => x.IssuedBy).HasMaxLength(100);
                n.Ignore(x => x.ItemList);
                n.Ignore(x => x.SuppliedList);
            });
            b.OwnsMany(r => r.Events, e =>
            {
                e.ToTable("RequestEvents", Schema);
                e.WithOwner().HasForeignKey("RequestId");
                e.Property<int>("Id");
                e.HasKey("Id");
                e.Property(x => x.Kind).HasMaxLength(40);
                e.Property(x => x.Actor).HasMaxLength(256);
                e.Property(x => x.Note).HasMaxLength(1000);
            });
            b.Navigation(r => r.Transfers).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(r => r.Notices).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<DeskAttachment>(b =>
        {
            StoredAttachment.Configure(b, "RequestAttachments", Schema);
            b.Property(a => a.Material).HasMaxLength(100);
            b.HasIndex(a => a.RequestId);
            b.HasOne<DeskRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Visit>(b =>
        {
            b.ToTable("Visits", Schema);
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.Visitors).HasMaxLength(300);
            b.Property(v => v.MetWith).HasMaxLength(200);
            b.Property(v => v.RecordedBy).HasMaxLength(256);
            b.HasIndex(v => new { v.EnterpriseId, v.VisitedOn });
            b.HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(v => v.Problems, p =>
            {
                p.ToTable("VisitProblems", Schema);
                p.WithOwner().HasForeignKey("VisitId");
                p.Property<int>("Id");
                p.HasKey("Id");
                p.Property(x => x.Description).HasMaxLength(2000);
                p.Property(x => x.RequestNumber).HasMaxLength(60);
            });
            b.Navigation(v => v.Problems).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
