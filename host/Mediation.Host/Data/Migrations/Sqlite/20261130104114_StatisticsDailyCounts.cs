using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistics_DailyCounts",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Entry = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Other = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Records = table.Column<long>(type: "INTEGER", nullable: false),
                    Days = table.Column<long>(type: "INTEGER", nullable: false),
                    Succeeded = table.Column<long>(type: "INTEGER", nullable: false),
                    Rated = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedSatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    HasDue = table.Column<long>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Late = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_DailyCounts", x => new { x.Day, x.Kind, x.UnitKey, x.Entry, x.Category, x.Source, x.Other });
                });

            // Facts kept before this migration get their daily counts (the statement etc/bench/statistics.sh runs after its fill).
            migrationBuilder.Sql(@"INSERT INTO statistics_DailyCounts (""Kind"", ""Entry"", ""Day"", ""UnitKey"", ""Category"", ""Source"", ""Other"", ""Records"", ""Days"", ""Succeeded"", ""Rated"", ""RatedSatisfied"",
  ""HasDue"", ""OnTime"", ""Late"")
SELECT ""Kind"", e, m, ""UnitKey"", c, s, o, count(*), sum(days), sum(ok), sum(rated), sum(sat), sum(due), sum(ontime), sum(late) FROM (
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 1 AS e, ""ReceivedOn"" AS m, CASE WHEN ""ConcludedOn"" IS NULL THEN '1900-01-01' ELSE date(""ConcludedOn"", 'start of month') END AS o,
    0 AS days, coalesce((""Succeeded""), 0) AS ok, coalesce((""Rated""), 0) AS rated, coalesce((""Rated"" AND ""Satisfied""), 0) AS sat, 0 AS due, 0 AS ontime, CASE WHEN ""Kind"" = 2 THEN coalesce(((""DecisionDueOn"" IS NOT NULL AND ""DecidedOn"" > ""DecisionDueOn"") OR (""DueOn"" IS NOT NULL AND ""ConcludedOn"" > ""DueOn"")), 0)
    WHEN ""Kind"" IN (1, 4) THEN coalesce((""DueOn"" IS NOT NULL AND ""ConcludedOn"" > ""DueOn""), 0) ELSE 0 END AS late
    FROM statistics_RecordFacts
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 2, ""ConcludedOn"", '1900-01-01', coalesce(""HandlingDays"", 0), coalesce((""Succeeded""), 0), coalesce((""Rated""), 0), coalesce((""Rated"" AND ""Satisfied""), 0), coalesce((""DueOn"" IS NOT NULL), 0),
    coalesce((""ConcludedOn"" <= ""DueOn""), 0), 0 FROM statistics_RecordFacts WHERE ""ConcludedOn"" IS NOT NULL AND ""Kind"" IN (1, 2, 4)
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 3, ""DecidedOn"", '1900-01-01', 0, 0, 0, 0, coalesce((""DecisionDueOn"" IS NOT NULL), 0),
    coalesce((""DecidedOn"" <= ""DecisionDueOn""), 0), 0 FROM statistics_RecordFacts WHERE ""DecidedOn"" IS NOT NULL AND ""Kind"" = 2
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 7, ""ReceivedOn"", date(""DueOn"", 'start of month'), 0, 0, 0, 0, 0, 0, 0 FROM statistics_RecordFacts
    WHERE ""Kind"" IN (1, 4) AND ""ConcludedOn"" IS NULL AND ""DueOn"" IS NOT NULL
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 7, ""ReceivedOn"", date(""DecisionDueOn"", 'start of month'), 0, 0, 0, 0, 0, 0, 0 FROM statistics_RecordFacts
    WHERE ""Kind"" = 2 AND ""DecidedOn"" IS NULL AND ""DecisionDueOn"" IS NOT NULL AND NOT (coalesce((""DueOn"" IS NOT NULL AND ""ConcludedOn"" > ""DueOn""), 0) = 1)
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 4, ""CriminalOn"", '1900-01-01', 0, 0, 0, 0, 0, 0, 0 FROM statistics_RecordFacts WHERE ""Kind"" = 1 AND ""CriminalOn"" IS NOT NULL
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 5, ""JudicialAppliedOn"", '1900-01-01', 0, 0, 0, 0, 0, 0, 0 FROM statistics_RecordFacts WHERE ""Kind"" = 1 AND ""JudicialAppliedOn"" IS NOT NULL
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 6, ""JudicialConfirmedOn"", '1900-01-01', 0, 0, 0, 0, 0, 0, 0 FROM statistics_RecordFacts WHERE ""Kind"" = 1 AND ""JudicialConfirmedOn"" IS NOT NULL
) x GROUP BY ""Kind"", e, m, ""UnitKey"", c, s, o;");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_DailyCounts_Day_UnitKey_Kind_Entry_Other_Category_Source_Records_Days_Succeeded_Rated_RatedSatisfied_HasDue_OnTime_Late",
                table: "statistics_DailyCounts",
                columns: new[] { "Day", "UnitKey", "Kind", "Entry", "Other", "Category", "Source", "Records", "Days", "Succeeded", "Rated", "RatedSatisfied", "HasDue", "OnTime", "Late" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistics_DailyCounts");
        }
    }
}
