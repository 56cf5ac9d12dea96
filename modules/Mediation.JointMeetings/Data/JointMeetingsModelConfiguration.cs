using Mediation.Core.Attachments;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Data;

internal static class JointMeetingsModelConfiguration
{
    public const string Schema = "joint_meetings";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<WorkingGroup>(b =>
        {
            b.ToTable("WorkingGroups", Schema);
            b.HasKey(g => g.Id);
            b.Property(g => g.Id).ValueGeneratedNever();
            b.Property(g => g.Level).HasConversion<string>().HasMaxLength(20);
            b.Property(g => g.Name).HasMaxLength(100);
            b.Property(g => g.IssuerCode).HasMaxLength(20);
            b.Property(g => g.Convener).HasMaxLength(100);
            b.HasIndex(g => g.OrgUnitId).IsUnique();
        });

        model.Entity<MemberUnit>(b =>
        {
            b.ToTable("MemberUnits", Schema);
            b.HasKey(u => u.Id);
            b.Property(u => u.Id).ValueGeneratedNever();
            b.Property(u => u.Name).HasMaxLength(100);
            b.HasIndex(u => new { u.GroupId, u.Name }).IsUnique();
            b.HasIndex(u => u.OrgUnitId);
            b.HasOne<WorkingGroup>().WithMany().HasForeignKey(u => u.GroupId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(u => u.Liaisons, l =>
            {
                l.ToTable("Liaisons", Schema);
                l.WithOwner().HasForeignKey("MemberUnitId");
                // A store-generated key: with a client-set key EF would take a newly added item for an existing row.
                l.Property<int>("Id");
                l.HasKey("Id");
                l.Property(x => x.Name).HasMaxLength(50);
                l.Property(x => x.Title).HasMaxLength(50);
                l.HasIndex(x => x.UserId);
            });
            b.Navigation(u => u.Liaisons).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<Meeting>(b =>
        {
            b.ToTable("Meetings", Schema);
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.Level).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.Title).HasMaxLength(200);
            b.Property(m => m.Place).HasMaxLength(200);
            b.Property(m => m.Chair).HasMaxLength(50);
            b.Property(m => m.RecordedBy).HasMaxLength(256);
            b.Property(m => m.MinutesNumber).HasMaxLength(60);
            b.HasIndex(m => m.OrgUnitId);
            b.HasIndex(m => m.ScheduledAt);
            b.HasOne<WorkingGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(m => m.Attendance, a =>
            {
                a.ToTable("Attendance", Schema);
                a.WithOwner().HasForeignKey("MeetingId");
                a.Property<int>("Id");
                a.HasKey("Id");
                a.Property(x => x.UnitName).HasMaxLength(100);
                a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
                a.Property(x => x.Attendee).HasMaxLength(50);
                a.Property(x => x.SubstituteName).HasMaxLength(50);
            });
            b.Navigation(m => m.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        model.Entity<AgendaItem>(b =>
        {
            b.ToTable("AgendaItems", Schema);
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Title).HasMaxLength(200);
            b.Property(i => i.Description).HasMaxLength(2000);
            b.Property(i => i.Source).HasConversion<string>().HasMaxLength(30);
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(i => i.LinkedRecordType).HasConversion<string>().HasMaxLength(30);
            b.Property(i => i.LinkedRecordNumber).HasMaxLength(60);
            b.Property(i => i.LinkedRecordClosedNote).HasMaxLength(500);
            b.Property(i => i.Decision).HasMaxLength(2000);
            b.Property(i => i.ProposedBy).HasMaxLength(256);
            b.HasIndex(i => i.OrgUnitId);
            b.HasIndex(i => i.MeetingId);
            b.HasIndex(i => new { i.LinkedRecordType, i.LinkedRecordId });
            b.HasOne<WorkingGroup>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<TaskAttachment>(b =>
        {
            StoredAttachment.Configure(b, "TaskAttachments", Schema);
            b.HasIndex(a => a.TaskId);
            b.HasOne<AssignedTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<AssignedTask>(b =>
        {
            b.ToTable("Tasks", Schema);
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Requirement).HasMaxLength(2000);
            b.Property(t => t.LeadUnitName).HasMaxLength(100);
            b.Property(t => t.Policy).HasMaxLength(100);
            b.Property(t => t.Status).HasConversion<string>().HasMaxLength(30);
            b.HasIndex(t => t.OrgUnitId);
            b.HasIndex(t => t.LeadUnitId);
            b.HasIndex(t => new { t.MeetingId, t.Number }).IsUnique();
            b.HasOne<Meeting>().WithMany().HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<AgendaItem>().WithMany().HasForeignKey(t => t.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<MemberUnit>().WithMany().HasForeignKey(t => t.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
            b.OwnsMany(t => t.Cooperating, c =>
            {
                c.ToTable("TaskCooperatingUnits", Schema);
                c.WithOwner().HasForeignKey("TaskId");
                c.Property<int>("Id");
                c.HasKey("Id");
                c.Property(x => x.Name).HasMaxLength(100);
                c.HasIndex(x => x.MemberUnitId);
            });
            b.OwnsMany(t => t.Reports, r =>
            {
                r.ToTable("TaskReports", Schema);
                r.WithOwner().HasForeignKey("TaskId");
                r.Property<int>("Id");
                r.HasKey("Id");
                r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
                r.Property(x => x.Text).HasMaxLength(2000);
                r.Property(x => x.Evidence).HasMaxLength(2000);
                r.Property(x => x.By).HasMaxLength(256);
            });
            b.OwnsMany(t => t.Supervisions, s =>
            {
                s.ToTable("TaskSupervisions", Schema);
                s.WithOwner().HasForeignKey("TaskId");
                s.Property<int>("Id");
                s.HasKey("Id");
                s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
                s.Property(x => x.By).HasMaxLength(256);
                s.Property(x => x.Note).HasMaxLength(500);
            });
            b.Navigation(t => t.Cooperating).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(t => t.Reports).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(t => t.Supervisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
