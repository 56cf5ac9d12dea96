using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Core.Deadlines.Data;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("CalendarYears", MediationDbContext.CoreSchema);
        b.HasKey(y => y.Id);
        b.Property(y => y.Id).HasColumnName("Year").ValueGeneratedNever();
        b.Ignore(y => y.Year);
        b.Ignore(y => y.Entries);
        b.Property(y => y.Source).HasMaxLength(CalendarYear.MaxSourceLength).IsRequired();
        b.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(y => y.Days).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays", MediationDbContext.CoreSchema);
        b.HasKey(d => d.Date);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Name).HasMaxLength(CalendarYear.MaxNameLength).IsRequired();
        b.HasIndex(d => d.Year);
    }
}

internal sealed class DeadlineClockConfiguration : IEntityTypeConfiguration<DeadlineClock>
{
    public void Configure(EntityTypeBuilder<DeadlineClock> b)
    {
        b.ToTable("DeadlineClocks", MediationDbContext.CoreSchema);
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.RecordType).HasMaxLength(DeadlineClock.MaxRecordTypeLength).IsRequired();
        b.Property(c => c.PolicyName).HasMaxLength(DeadlineClock.MaxPolicyNameLength).IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.RecordType, c.RecordId, c.PolicyName }).IsUnique();
        b.HasIndex(c => new { c.Status, c.DueAt });
        b.HasIndex(c => c.OrgUnitId);
        b.HasMany(c => c.History).WithOne().HasForeignKey(e => e.ClockId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DeadlineClockEventConfiguration : IEntityTypeConfiguration<DeadlineClockEvent>
{
    public void Configure(EntityTypeBuilder<DeadlineClockEvent> b)
    {
        b.ToTable("DeadlineClockEvents", MediationDbContext.CoreSchema);
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Actor).HasMaxLength(DeadlineClock.MaxActorLength);
        b.Property(e => e.Reason).HasMaxLength(DeadlineClock.MaxReasonLength);
        b.HasIndex(e => new { e.ClockId, e.Sequence }).IsUnique();
    }
}

internal sealed class DeadlineStepConfiguration : IEntityTypeConfiguration<DeadlineStep>
{
    public void Configure(EntityTypeBuilder<DeadlineStep> b)
    {
        b.ToTable("DeadlineSteps", MediationDbContext.CoreSchema);
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Step).HasMaxLength(DeadlineStep.MaxStepLength).IsRequired();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => new { s.ClockId, s.Step, s.DueInstant }).IsUnique();
        // The notice job's search for the steps whose notices are still owed (after a sweep, or after a crash between the two).
        b.HasIndex(s => s.NotifiedAt);
        b.HasOne<DeadlineClock>().WithMany().HasForeignKey(s => s.ClockId).OnDelete(DeleteBehavior.Cascade);
    }
}
