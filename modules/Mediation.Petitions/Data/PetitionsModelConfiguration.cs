using Mediation.Core.Attachments;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Data;

internal static class PetitionsModelConfiguration
{
    public const string Schema = "petitions";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<Petition>(b =>
        {
            b.ToTable("Petitions", Schema);
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Number).HasMaxLength(60);
            b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(p => p.TransferKind).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.RecordedBy).HasMaxLength(256);
            b.Property(p => p.HandledBy).HasMaxLength(256);
            b.Property(p => p.TransferringBody).HasMaxLength(100);
            b.Property(p => p.TransferReference).HasMaxLength(100);
            b.Property(p => p.Matter).HasMaxLength(Petition.MaxMatterLength);
            b.Property(p => p.RequestedOutcome).HasMaxLength(2000);
            b.Property(p => p.Place).HasMaxLength(200);
            b.Property(p => p.DecisionReason).HasMaxLength(2000);
            b.Property(p => p.ExtensionReason).HasMaxLength(500);
            b.Property(p => p.ExtensionApprovedBy).HasMaxLength(256);
            b.Property(p => p.MediationCaseNumber).HasMaxLength(60);
            b.Property(p => p.MediationResult).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.MediationResultDetail).HasMaxLength(4000);
            b.Property(p => p.NonAcceptanceGround).HasConversion<string>().HasMaxLength(30);
            b.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.GrievanceRoute).HasConversion<string>().HasMaxLength(30);
            b.Property(p => p.RoutedTo).HasMaxLength(200);
            b.Property(p => p.SuggestionOutcome).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.SuggestionReply).HasMaxLength(4000);
            b.HasIndex(p => p.AccusedOrgUnitId);
            b.Ignore(p => p.IsOpen);
            b.Ignore(p => p.MediationSucceeded);
            b.HasIndex(p => new { p.OrgUnitId, p.Year, p.SequenceNumber }).IsUnique();
            b.HasIndex(p => p.Number).IsUnique();
            b.HasIndex(p => new { p.OrgUnitId, p.Status });
            b.HasIndex(p => p.RepeatOfPetitionId);
            b.HasOne<Petition>().WithMany().HasForeignKey(p => p.RepeatOfPetitionId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(p => p.Petitioners, x =>
            {
                x.ToTable("Petitioners", Schema);
                x.WithOwner().HasForeignKey("PetitionId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.Property(v => v.Name).HasMaxLength(100);
                x.Property(v => v.IdCardMasked).HasMaxLength(32);
                x.Property(v => v.IdCardCipher).HasMaxLength(200);
                x.Property(v => v.IdCardHash).HasMaxLength(64);
                x.Property(v => v.PhoneMasked).HasMaxLength(32);
                x.Property(v => v.PhoneCipher).HasMaxLength(200);
                x.Property(v => v.PhoneHash).HasMaxLength(64);
                x.Property(v => v.Address).HasMaxLength(300);
                x.HasIndex(v => v.IdCardHash);
                x.HasIndex(v => v.PhoneHash);
            });
            b.OwnsMany(p => p.Events, x =>
            {
                x.ToTable("PetitionEvents", Schema);
                x.WithOwner().HasForeignKey("PetitionId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("PetitionId", nameof(PetitionEvent.Sequence)).IsUnique();
                x.Property(v => v.Kind).HasConversion<string>().HasMaxLength(40);
                x.Property(v => v.Actor).HasMaxLength(256);
                x.Property(v => v.Detail).HasMaxLength(Petition.MaxEventDetailLength);
            });
            b.OwnsMany(p => p.Notices, x =>
            {
                x.ToTable("PetitionNotices", Schema);
                x.WithOwner().HasForeignKey("PetitionId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("PetitionId", nameof(PetitionNotice.Sequence)).IsUnique();
                x.Property(v => v.Kind).HasConversion<string>().HasMaxLength(40);
                x.Property(v => v.Number).HasMaxLength(80);
            });
            b.OwnsMany(p => p.Opinions, x =>
            {
                x.ToTable("PetitionOpinions", Schema);
                x.WithOwner().HasForeignKey("PetitionId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
                x.Property(v => v.Decision).HasConversion<string>().HasMaxLength(20);
                x.Property(v => v.Request).HasMaxLength(2000);
                x.Property(v => v.FactsAndReasons).HasMaxLength(8000);
                x.Property(v => v.LegalBasis).HasMaxLength(2000);
                x.Property(v => v.IssuedBy).HasMaxLength(256);
                // Opinions stored before the head's sign-off existed were issued at once: they read as issued. The sentinel is no
                // member, so every state a new opinion has is written as it is.
                x.Property(v => v.State).HasConversion<string>().HasMaxLength(20).HasDefaultValue(OpinionState.Issued).HasSentinel((OpinionState)(-1));
                x.Property(v => v.SignedOffBy).HasMaxLength(256);
                x.Property(v => v.SignedOffByName).HasMaxLength(256);
                x.Property(v => v.ReturnedBy).HasMaxLength(256);
                x.Property(v => v.ReturnReason).HasMaxLength(1000);
                x.Property(v => v.ServiceMethod).HasConversion<string>().HasMaxLength(20);
                x.Property(v => v.ServiceReference).HasMaxLength(100);
                x.Property(v => v.ServiceRecordedBy).HasMaxLength(256);
                x.Ignore(v => v.IssuedOn);
            });
            foreach (var navigation in new[] { nameof(Petition.Petitioners), nameof(Petition.Events), nameof(Petition.Notices), nameof(Petition.Opinions) })
                b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<PetitionAttachment>(b =>
        {
            StoredAttachment.Configure(b, "PetitionAttachments", Schema);
            b.HasIndex(a => a.PetitionId);
            b.HasOne<Petition>().WithMany().HasForeignKey(a => a.PetitionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
