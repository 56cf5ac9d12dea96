using Mediation.Statistics.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Statistics.Data;

internal static class StatisticsModelConfiguration
{
    public const string Schema = "statistics";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<RecordFact>(b =>
        {
            b.ToTable("RecordFacts", Schema);
            b.HasKey(f => new { f.Kind, f.RecordId });
            b.Property(f => f.Kind).HasConversion<int>();
            b.Property(f => f.Number).HasMaxLength(RecordFact.NumberMaxLength);
            b.Property(f => f.UnitKey).HasMaxLength(RecordFact.UnitKeyMaxLength);
            b.Property(f => f.Outcome).HasMaxLength(40);
            b.Property(f => f.Category).HasMaxLength(40);
            b.Property(f => f.Source).HasMaxLength(40);
            // Every figure is a count over (kind, a subtree's key range, one date in the period): one index per date a figure
            // puts records in its period by.
            b.HasIndex(f => new { f.Kind, f.UnitKey, f.ReceivedOn });
            b.HasIndex(f => new { f.Kind, f.UnitKey, f.ConcludedOn });
            b.HasIndex(f => new { f.Kind, f.UnitKey, f.CriminalOn });
            b.HasIndex(f => new { f.Kind, f.UnitKey, f.JudicialAppliedOn });
            b.HasIndex(f => new { f.Kind, f.UnitKey, f.JudicialConfirmedOn });
            b.HasIndex(f => new { f.Kind, f.UnitKey, f.DecidedOn });
            b.HasIndex(f => f.OrgUnitId);
        });
    }
}
