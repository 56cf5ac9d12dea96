using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddStatisticsFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistics_RecordFacts",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HandlingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Rated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<bool>(type: "INTEGER", nullable: false),
                    CriminalOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    JudicialAppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    JudicialConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_RecordFacts", x => new { x.Kind, x.RecordId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_ConcludedOn",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "UnitKey", "ConcludedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_CriminalOn",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "UnitKey", "CriminalOn" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_DecidedOn",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "UnitKey", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_JudicialAppliedOn",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "UnitKey", "JudicialAppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_JudicialConfirmedOn",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "UnitKey", "JudicialConfirmedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_ReceivedOn",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "UnitKey", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_OrgUnitId",
                table: "statistics_RecordFacts",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistics_RecordFacts");
        }
    }
}
