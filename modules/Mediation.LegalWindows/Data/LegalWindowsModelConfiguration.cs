using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Data;

internal static class LegalWindowsModelConfiguration
{
    public const string Schema = "legal_windows";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<LegalWindow>(b =>
        {
            b.ToTable("Windows", Schema);
            b.HasKey(w => w.Id);
            b.Property(w => w.Id).ValueGeneratedNever();
            b.Property(w => w.Name).HasMaxLength(100);
            b.Property(w => w.ShortName).HasMaxLength(20);
            b.Property(w => w.Place).HasMaxLength(200);
            b.Property(w => w.OpeningNote).HasMaxLength(200);
            b.Property(w => w.Phone).HasMaxLength(30);
            b.HasIndex(w => w.OrgUnitId).IsUnique();
            b.HasIndex(w => w.ShortName).IsUnique();
            b.OwnsMany(w => w.Advisors, a =>
            {
                a.ToTable("WindowAdvisors", Schema);
                a.WithOwner().HasForeignKey("WindowId");
                a.Property<int>("Id");
                a.HasKey("Id");
                a.HasIndex("WindowId", nameof(WindowAdvisor.AdvisorId)).IsUnique();
                a.HasIndex(x => x.AdvisorId);
            });
            b.Navigation(w => w.Advisors).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<LegalAdvisor>(b =>
        {
            b.ToTable("Advisors", Schema);
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Name).HasMaxLength(100);
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(a => a.Firm).HasMaxLength(100);
            b.Property(a => a.LicenceNumber).HasMaxLength(20);
            b.Property(a => a.PhoneMasked).HasMaxLength(32);
            b.Property(a => a.PhoneCipher).HasMaxLength(200);
            b.Property(a => a.PhoneHash).HasMaxLength(64);
            b.HasIndex(a => a.LicenceNumber).IsUnique();
            b.HasIndex(a => a.UserId);
            b.HasIndex(a => a.OrgUnitId);
        });

        model.Entity<DutyShift>(b =>
        {
            b.ToTable("Shifts", Schema);
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasIndex(s => new { s.WindowId, s.Date }).IsUnique();
            b.HasIndex(s => new { s.Date, s.AdvisorId });
            b.HasOne<LegalWindow>().WithMany().HasForeignKey(s => s.WindowId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(s => s.Swaps, x =>
            {
                x.ToTable("ShiftSwaps", Schema);
                x.WithOwner().HasForeignKey("ShiftId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.Property(w => w.Reason).HasMaxLength(500);
                x.Property(w => w.SwappedBy).HasMaxLength(256);
            });
            b.Navigation(s => s.Swaps).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<ServiceRecord>(b =>
        {
            b.ToTable("ServiceRecords", Schema);
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Number).HasMaxLength(60);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.PersonName).HasMaxLength(100);
            b.Property(r => r.IdCardMasked).HasMaxLength(32);
            b.Property(r => r.IdCardCipher).HasMaxLength(200);
            b.Property(r => r.IdCardHash).HasMaxLength(64);
            b.Property(r => r.PhoneMasked).HasMaxLength(32);
            b.Property(r => r.PhoneCipher).HasMaxLength(200);
            b.Property(r => r.PhoneHash).HasMaxLength(64);
            b.Property(r => r.Matter).HasMaxLength(2000);
            b.Property(r => r.Advice).HasMaxLength(4000);
            b.Property(r => r.LawsCited).HasMaxLength(1000);
            b.Property(r => r.FollowUpNote).HasMaxLength(500);
            b.Property(r => r.Topic).HasMaxLength(200);
            b.Property(r => r.Place).HasMaxLength(200);
            b.Property(r => r.ErrandStatus).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.ErrandNote).HasMaxLength(1000);
            b.Property(r => r.CaseNumber).HasMaxLength(60);
            b.Property(r => r.ParticipationCaseNumber).HasMaxLength(60);
            b.HasIndex(r => r.ParticipationCaseId);
            b.Property(r => r.ReferredBy).HasMaxLength(256);
            b.Property(r => r.ConsentingParties).HasMaxLength(1000);
            b.Property(r => r.ReferralResult).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.ReferralDetail).HasMaxLength(2000);
            b.HasIndex(r => new { r.WindowId, r.Year, r.SequenceNumber }).IsUnique();
            b.HasIndex(r => r.Number).IsUnique();
            b.HasIndex(r => new { r.WindowId, r.ServedAt });
            // The workbench lists a unit's and an advisor's services newest first: each seeks its id and reads the dates in order.
            b.HasIndex(r => new { r.OrgUnitId, r.ServedAt });
            b.HasIndex(r => new { r.AdvisorId, r.ServedAt });
            b.HasIndex(r => r.CaseId);
            b.HasIndex(r => r.IdCardHash);
            b.HasOne<LegalWindow>().WithMany().HasForeignKey(r => r.WindowId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<LegalAdvisor>().WithMany().HasForeignKey(r => r.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
