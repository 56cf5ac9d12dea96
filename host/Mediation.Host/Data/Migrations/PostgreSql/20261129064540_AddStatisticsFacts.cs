using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddStatisticsFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "statistics");

            migrationBuilder.CreateTable(
                name: "RecordFacts",
                schema: "statistics",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HandlingDays = table.Column<int>(type: "integer", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Rated = table.Column<bool>(type: "boolean", nullable: false),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: false),
                    CriminalOn = table.Column<DateOnly>(type: "date", nullable: true),
                    JudicialAppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    JudicialConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordFacts", x => new { x.Kind, x.RecordId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_UnitKey_ConcludedOn",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "UnitKey", "ConcludedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_UnitKey_CriminalOn",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "UnitKey", "CriminalOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_UnitKey_DecidedOn",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "UnitKey", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_UnitKey_JudicialAppliedOn",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "UnitKey", "JudicialAppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_UnitKey_JudicialConfirmedOn",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "UnitKey", "JudicialConfirmedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_UnitKey_ReceivedOn",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "UnitKey", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_OrgUnitId",
                schema: "statistics",
                table: "RecordFacts",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordFacts",
                schema: "statistics");
        }
    }
}
