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
            // Every figure is a count over (kind, one date in the period, a subtree's key range), read in one pass per kind and date
            // (FigureService): one index per date, the date before the unit key so that the period is sought, and after them every
            // column a figure of that pass reads, so the pass reads the index only, never the table (SQLite CLI, 100,000 matching rows
            // of a year: 1.41 s with (Kind, UnitKey) first, 0.15–0.3 s with the date first, 0.06 s covering).
            b.HasIndex(f => new { f.Kind, f.ReceivedOn, f.UnitKey, f.ConcludedOn, f.DueOn, f.DecidedOn, f.DecisionDueOn, f.Succeeded, f.Rated, f.Satisfied,
                f.Category, f.Source });
            b.HasIndex(f => new { f.Kind, f.ConcludedOn, f.UnitKey, f.ReceivedOn, f.HandlingDays, f.DueOn, f.Succeeded, f.Rated, f.Satisfied, f.Category, f.Source });
            b.HasIndex(f => new { f.Kind, f.CriminalOn, f.UnitKey, f.Category, f.Source });
            b.HasIndex(f => new { f.Kind, f.JudicialAppliedOn, f.UnitKey, f.Category, f.Source });
            b.HasIndex(f => new { f.Kind, f.JudicialConfirmedOn, f.UnitKey, f.Category, f.Source });
            b.HasIndex(f => new { f.Kind, f.DecidedOn, f.UnitKey, f.DecisionDueOn });
            b.HasIndex(f => f.OrgUnitId);
            // Open records due this month, the one part of an overdue figure the monthly counts cannot decide (MonthlyFigures).
            b.HasIndex(f => new { f.Kind, f.DueOn, f.UnitKey, f.ConcludedOn, f.ReceivedOn, f.Category, f.Source });
        });
        model.Entity<MonthlyCount>(b =>
        {
            b.ToTable("MonthlyCounts", Schema);
            // A period's rows of every kind are sought by month, then filtered by the subtree's key range within the index.
            b.HasKey(m => new { m.Month, m.Kind, m.UnitKey, m.Entry, m.Category, m.Source, m.Other });
            b.Property(m => m.Kind).HasConversion<int>();
            b.Property(m => m.Entry).HasConversion<int>();
            b.Property(m => m.UnitKey).HasMaxLength(RecordFact.UnitKeyMaxLength);
            b.Property(m => m.Category).HasMaxLength(40);
            b.Property(m => m.Source).HasMaxLength(40);
            // The closure rate's cases pending at a period's start: received rows of every month before it, by subtree.
            b.HasIndex(m => new { m.Kind, m.Entry, m.UnitKey, m.Month, m.Other, m.Records });
            // A period's rows of every kind, read from the index alone: without it SQLite skip-scanned the index above (any kind, any
            // entry, the subtree's key range) and looked every row of the subtree up in the table, all months, to keep the period's
            // (EXPLAIN QUERY PLAN, 200,000 facts, 165,000 rows: 2,893 summed from 20,779 read out of 165,215).
            b.HasIndex(m => new { m.Month, m.UnitKey, m.Kind, m.Entry, m.Other, m.Category, m.Source, m.Records, m.Days, m.Succeeded, m.Rated,
                m.RatedSatisfied, m.HasDue, m.OnTime, m.Late });
        });
        model.Entity<DailyCount>(b =>
        {
            b.ToTable("DailyCounts", Schema);
            // The monthly counts' key with the day for the month: a partial month's rows of every kind are sought by their days.
            b.HasKey(d => new { d.Day, d.Kind, d.UnitKey, d.Entry, d.Category, d.Source, d.Other });
            b.Property(d => d.Kind).HasConversion<int>();
            b.Property(d => d.Entry).HasConversion<int>();
            b.Property(d => d.UnitKey).HasMaxLength(RecordFact.UnitKeyMaxLength);
            b.Property(d => d.Category).HasMaxLength(40);
            b.Property(d => d.Source).HasMaxLength(40);
            // A partial month's rows read from the index alone, as the monthly counts' (Month, UnitKey, …) index does for whole months.
            b.HasIndex(d => new { d.Day, d.UnitKey, d.Kind, d.Entry, d.Other, d.Category, d.Source, d.Records, d.Days, d.Succeeded, d.Rated,
                d.RatedSatisfied, d.HasDue, d.OnTime, d.Late });
        });
    }
}
