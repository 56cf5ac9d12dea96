using Mediation.Cases.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Data;

internal static class CasesModelConfiguration
{
    public const string Schema = "cases";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<MediationCommittee>(b =>
        {
            b.ToTable("Committees", Schema);
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Name).HasMaxLength(100);
            b.Property(c => c.ShortName).HasMaxLength(20);
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.Specialty).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(c => c.ShortName).IsUnique();
            b.HasIndex(c => c.OrgUnitId);
            b.OwnsMany(c => c.Mediators, m =>
            {
                m.ToTable("CommitteeMediators", Schema);
                m.WithOwner().HasForeignKey("CommitteeId");
                // A store-generated key: with a client-set key EF would take a newly added item for an existing row.
                m.Property<int>("Id");
                m.HasKey("Id");
                m.HasIndex("CommitteeId", nameof(CommitteeMediator.UserId)).IsUnique();
                m.Property(x => x.Name).HasMaxLength(100);
            });
            b.Navigation(c => c.Mediators).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<MediationCase>(b =>
        {
            b.ToTable("Cases", Schema);
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Number).HasMaxLength(60);
            b.Property(c => c.Summary).HasMaxLength(2000);
            b.Property(c => c.Place).HasMaxLength(200);
            b.Property(c => c.SourceRecordId).HasMaxLength(100);
            b.Property(c => c.AmountInDispute).HasPrecision(18, 2);
            b.Property(c => c.DisputeType).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.RiskGrade).HasConversion<string>().HasMaxLength(10);
            b.HasIndex(c => new { c.CommitteeId, c.Year, c.SequenceNumber }).IsUnique();
            b.HasIndex(c => c.Number).IsUnique();
            b.HasIndex(c => c.OrgUnitId);
            b.HasOne<MediationCommittee>().WithMany().HasForeignKey(c => c.CommitteeId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(c => c.Parties, p =>
            {
                p.ToTable("CaseParties", Schema);
                p.WithOwner().HasForeignKey("CaseId");
                p.HasKey(x => x.Id);
                p.Property(x => x.Id).ValueGeneratedNever();
                p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
                p.Property(x => x.Name).HasMaxLength(100);
                p.Property(x => x.IdCardMasked).HasMaxLength(32);
                p.Property(x => x.IdCardCipher).HasMaxLength(200);
                p.Property(x => x.IdCardHash).HasMaxLength(64);
                p.Property(x => x.IdDocumentKind).HasConversion<string>().HasMaxLength(40);
                p.Property(x => x.NoIdReason).HasMaxLength(200);
                p.Property(x => x.CreditCode).HasMaxLength(18);
                p.Property(x => x.Representative).HasMaxLength(100);
                p.Property(x => x.PhoneMasked).HasMaxLength(32);
                p.Property(x => x.PhoneCipher).HasMaxLength(200);
                p.Property(x => x.PhoneHash).HasMaxLength(64);
                p.Property(x => x.Address).HasMaxLength(300);
                p.Property(x => x.LegalRepresentative).HasMaxLength(100);
                p.Property(x => x.Agent).HasMaxLength(100);
                p.HasIndex(x => x.IdCardHash);
                p.HasIndex(x => x.PhoneHash);
            });
            b.OwnsMany(c => c.Mediators, m =>
            {
                m.ToTable("CaseMediators", Schema);
                m.WithOwner().HasForeignKey("CaseId");
                m.Property<int>("Id");
                m.HasKey("Id");
                m.HasIndex("CaseId", nameof(CaseMediator.UserId)).IsUnique();
            });
            b.OwnsMany(c => c.RiskHistory, r =>
            {
                r.ToTable("CaseRiskAssessments", Schema);
                r.WithOwner().HasForeignKey("CaseId");
                r.Property<int>("Id");
                r.HasKey("Id");
                r.Property(x => x.Grade).HasConversion<string>().HasMaxLength(10);
                r.Property(x => x.Reason).HasMaxLength(500);
                r.Property(x => x.AssessedBy).HasMaxLength(256);
            });
            b.OwnsMany(c => c.Events, x =>
            {
                x.ToTable("CaseEvents", Schema);
                x.WithOwner().HasForeignKey("CaseId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("CaseId", nameof(CaseEvent.Sequence)).IsUnique();
                x.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
                x.Property(e => e.Actor).HasMaxLength(256);
                x.Property(e => e.Detail).HasMaxLength(CaseEvent.MaxDetailLength);
            });
            b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.ConcludedBy).HasMaxLength(256);
            b.Property(c => c.AgreementFacts).HasMaxLength(4000);
            b.Property(c => c.DisputedPoints).HasMaxLength(2000);
            b.Property(c => c.Responsibilities).HasMaxLength(2000);
            b.Property(c => c.Performance).HasMaxLength(2000);
            b.Property(c => c.OralRecord).HasMaxLength(4000);
            b.Property(c => c.TerminationReason).HasMaxLength(1000);
            b.Property(c => c.CourtDecision).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.CourtName).HasMaxLength(100);
            b.Ignore(c => c.OtherRoutes);
            b.Ignore(c => c.AgreementEffectiveOn);
            b.Ignore(c => c.MayConcernPersonalStatus);
            b.Property(c => c.PoliceStation).HasMaxLength(100);
            b.Property(c => c.BecameCriminalNote).HasMaxLength(500);
            b.OwnsMany(c => c.Sessions, x =>
            {
                x.ToTable("CaseSessions", Schema);
                x.WithOwner().HasForeignKey("CaseId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("CaseId", nameof(CaseSession.Number)).IsUnique();
                x.Property(s => s.Place).HasMaxLength(200);
                x.Property(s => s.Attendees).HasMaxLength(2000);
                x.Property(s => s.Minutes).HasMaxLength(20000);
                x.Property(s => s.RecordedBy).HasMaxLength(256);
            });
            b.OwnsMany(c => c.Statements, x =>
            {
                x.ToTable("CaseSessionStatements", Schema);
                x.WithOwner().HasForeignKey("CaseId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("CaseId", nameof(SessionStatement.SessionNumber));
                x.Property(s => s.Statement).HasMaxLength(4000);
            });
            b.OwnsMany(c => c.Participants, x =>
            {
                x.ToTable("CaseSessionParticipants", Schema);
                x.WithOwner().HasForeignKey("CaseId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("CaseId", nameof(SessionParticipant.SessionNumber));
                x.Property(p => p.Name).HasMaxLength(100);
                x.Property(p => p.Role).HasConversion<string>().HasMaxLength(30);
                x.Property(p => p.Organisation).HasMaxLength(200);
                x.Property(p => p.Capacity).HasMaxLength(100);
                x.Property(p => p.SourceRecordId).HasMaxLength(100);
                x.Property(p => p.RecordedBy).HasMaxLength(256);
            });
            b.OwnsMany(c => c.Terms, x =>
            {
                x.ToTable("CaseAgreementTerms", Schema);
                x.WithOwner().HasForeignKey("CaseId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("CaseId", nameof(AgreementTerm.Number)).IsUnique();
                x.Property(t => t.Description).HasMaxLength(1000);
                x.Property(t => t.Amount).HasPrecision(18, 2);
            });
            b.OwnsMany(c => c.Continuations, x =>
            {
                x.ToTable("CaseTermContinuations", Schema);
                x.WithOwner().HasForeignKey("CaseId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("CaseId", nameof(TermContinuation.Sequence)).IsUnique();
                x.Property(t => t.ConsentingPartyIds).HasMaxLength(2000);
                x.Property(t => t.Note).HasMaxLength(1000);
                x.Property(t => t.RecordedBy).HasMaxLength(256);
                x.Ignore(t => t.Days);
            });
            foreach (var navigation in new[] { nameof(MediationCase.Parties), nameof(MediationCase.Mediators), nameof(MediationCase.RiskHistory),
                         nameof(MediationCase.Sessions), nameof(MediationCase.Statements), nameof(MediationCase.Participants), nameof(MediationCase.Terms),
                         nameof(MediationCase.Continuations) })
                b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<FollowUpVisit>(b =>
        {
            b.ToTable("FollowUpVisits", Schema);
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(v => v.Method).HasConversion<string>().HasMaxLength(20);
            b.Property(v => v.TermNumbers).HasMaxLength(500);
            b.Property(v => v.Notes).HasMaxLength(FollowUpVisit.MaxNotesLength);
            b.Property(v => v.Visitor).HasMaxLength(100);
            b.Property(v => v.RecordedBy).HasMaxLength(256);
            b.Ignore(v => v.CoveredTerms);
            b.HasIndex(v => v.CaseId);
            b.HasIndex(v => new { v.OrgUnitId, v.Status, v.DueDate });
            b.HasOne<MediationCase>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(v => v.Performances, x =>
            {
                x.ToTable("FollowUpVisitTerms", Schema);
                x.WithOwner().HasForeignKey("VisitId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("VisitId", nameof(VisitTermPerformance.TermNumber)).IsUnique();
                x.Property(t => t.Performance).HasConversion<string>().HasMaxLength(20);
                x.Property(t => t.Note).HasMaxLength(FollowUpVisit.MaxNoteLength);
            });
            b.OwnsMany(v => v.Satisfactions, x =>
            {
                x.ToTable("FollowUpVisitParties", Schema);
                x.WithOwner().HasForeignKey("VisitId");
                x.Property<int>("Id");
                x.HasKey("Id");
                x.HasIndex("VisitId", nameof(VisitPartySatisfaction.PartyId)).IsUnique();
                x.Property(t => t.Satisfaction).HasConversion<string>().HasMaxLength(20);
                x.Property(t => t.Note).HasMaxLength(FollowUpVisit.MaxNoteLength);
            });
            b.Navigation(v => v.Performances).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(v => v.Satisfactions).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<SessionPlan>(b =>
        {
            b.ToTable("SessionPlans", Schema);
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.Place).HasMaxLength(SessionPlan.MaxPlaceLength);
            b.Property(p => p.MediatorName).HasMaxLength(256);
            b.Property(p => p.CancelReason).HasMaxLength(SessionPlan.MaxReasonLength);
            b.Property(p => p.PlannedBy).HasMaxLength(256);
            b.HasIndex(p => p.CaseId);
            // 今日调解: the day's plans still to be held in the caller's units.
            b.HasIndex(p => new { p.OrgUnitId, p.Status, p.PlannedOn });
            // A plan entered twice (same case, start and mediator, still planned): the service refuses it, the index holds it when two
            // arrive together. Held and cancelled plans leave the index, so a cancelled time may be planned again. Quoted identifiers
            // are standard SQL: SQLite and PostgreSQL take them, and SQL Server requires QUOTED_IDENTIFIER ON for a filtered index.
            b.HasIndex(p => new { p.CaseId, p.StartsAt, p.MediatorId }).IsUnique().HasFilter($"\"{nameof(SessionPlan.Status)}\" = '{nameof(SessionPlanStatus.Planned)}'");
            b.HasOne<MediationCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
