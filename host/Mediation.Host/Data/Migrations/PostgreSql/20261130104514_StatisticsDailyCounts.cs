using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StatisticsDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyCounts",
                schema: "statistics",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Entry = table.Column<int>(type: "integer", nullable: false),
                    UnitKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Other = table.Column<DateOnly>(type: "date", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Records = table.Column<long>(type: "bigint", nullable: false),
                    Days = table.Column<long>(type: "bigint", nullable: false),
                    Succeeded = table.Column<long>(type: "bigint", nullable: false),
                    Rated = table.Column<long>(type: "bigint", nullable: false),
                    RatedSatisfied = table.Column<long>(type: "bigint", nullable: false),
                    HasDue = table.Column<long>(type: "bigint", nullable: false),
                    OnTime = table.Column<long>(type: "bigint", nullable: false),
                    Late = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyCounts", x => new { x.Day, x.Kind, x.UnitKey, x.Entry, x.Category, x.Source, x.Other });
                });

            // Facts kept before this migration get their daily counts (the statement etc/bench/statistics.sh runs after its fill).
            migrationBuilder.Sql(@"INSERT INTO statistics.""DailyCounts"" (""Kind"", ""Entry"", ""Day"", ""UnitKey"", ""Category"", ""Source"", ""Other"", ""Records"", ""Days"", ""Succeeded"", ""Rated"", ""RatedSatisfied"",
  ""HasDue"", ""OnTime"", ""Late"")
SELECT ""Kind"", e, m, ""UnitKey"", c, s, o, count(*), sum(days), sum(ok), sum(rated), sum(sat), sum(due), sum(ontime), sum(late) FROM (
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 1 AS e, ""ReceivedOn"" AS m, CASE WHEN ""ConcludedOn"" IS NULL THEN date '1900-01-01' ELSE date_trunc('month', ""ConcludedOn"")::date END AS o,
    0 AS days, coalesce((""Succeeded"")::int, 0) AS ok, coalesce((""Rated"")::int, 0) AS rated, coalesce((""Rated"" AND ""Satisfied"")::int, 0) AS sat, 0 AS due, 0 AS ontime, CASE WHEN ""Kind"" = 2 THEN coalesce(((""DecisionDueOn"" IS NOT NULL AND ""DecidedOn"" > ""DecisionDueOn"") OR (""DueOn"" IS NOT NULL AND ""ConcludedOn"" > ""DueOn""))::int, 0)
    WHEN ""Kind"" IN (1, 4) THEN coalesce((""DueOn"" IS NOT NULL AND ""ConcludedOn"" > ""DueOn"")::int, 0) ELSE 0 END AS late
    FROM statistics.""RecordFacts""
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 2, ""ConcludedOn"", date '1900-01-01', coalesce(""HandlingDays"", 0), coalesce((""Succeeded"")::int, 0), coalesce((""Rated"")::int, 0), coalesce((""Rated"" AND ""Satisfied"")::int, 0), coalesce((""DueOn"" IS NOT NULL)::int, 0),
    coalesce((""ConcludedOn"" <= ""DueOn"")::int, 0), 0 FROM statistics.""RecordFacts"" WHERE ""ConcludedOn"" IS NOT NULL AND ""Kind"" IN (1, 2, 4)
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 3, ""DecidedOn"", date '1900-01-01', 0, 0, 0, 0, coalesce((""DecisionDueOn"" IS NOT NULL)::int, 0),
    coalesce((""DecidedOn"" <= ""DecisionDueOn"")::int, 0), 0 FROM statistics.""RecordFacts"" WHERE ""DecidedOn"" IS NOT NULL AND ""Kind"" = 2
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 7, ""ReceivedOn"", date_trunc('month', ""DueOn"")::date, 0, 0, 0, 0, 0, 0, 0 FROM statistics.""RecordFacts""
    WHERE ""Kind"" IN (1, 4) AND ""ConcludedOn"" IS NULL AND ""DueOn"" IS NOT NULL
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 7, ""ReceivedOn"", date_trunc('month', ""DecisionDueOn"")::date, 0, 0, 0, 0, 0, 0, 0 FROM statistics.""RecordFacts""
    WHERE ""Kind"" = 2 AND ""DecidedOn"" IS NULL AND ""DecisionDueOn"" IS NOT NULL AND NOT (coalesce((""DueOn"" IS NOT NULL AND ""ConcludedOn"" > ""DueOn"")::int, 0) = 1)
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 4, ""CriminalOn"", date '1900-01-01', 0, 0, 0, 0, 0, 0, 0 FROM statistics.""RecordFacts"" WHERE ""Kind"" = 1 AND ""CriminalOn"" IS NOT NULL
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 5, ""JudicialAppliedOn"", date '1900-01-01', 0, 0, 0, 0, 0, 0, 0 FROM statistics.""RecordFacts"" WHERE ""Kind"" = 1 AND ""JudicialAppliedOn"" IS NOT NULL
  UNION ALL
  SELECT ""Kind"", ""UnitKey"", CASE WHEN ""Kind"" IN (1, 3) THEN coalesce(""Category"", '') ELSE '' END AS c,
    CASE WHEN ""Kind"" = 1 THEN coalesce(""Source"", '') ELSE '' END AS s, 6, ""JudicialConfirmedOn"", date '1900-01-01', 0, 0, 0, 0, 0, 0, 0 FROM statistics.""RecordFacts"" WHERE ""Kind"" = 1 AND ""JudicialConfirmedOn"" IS NOT NULL
) x GROUP BY ""Kind"", e, m, ""UnitKey"", c, s, o;");

            migrationBuilder.CreateIndex(
                name: "IX_DailyCounts_Day_UnitKey_Kind_Entry_Other_Category_Source_Re~",
                schema: "statistics",
                table: "DailyCounts",
                columns: new[] { "Day", "UnitKey", "Kind", "Entry", "Other", "Category", "Source", "Records", "Days", "Succeeded", "Rated", "RatedSatisfied", "HasDue", "OnTime", "Late" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyCounts",
                schema: "statistics");
        }
    }
}
