using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StatisticsIndexesDateFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_UnitKey_ConcludedOn",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_UnitKey_CriminalOn",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_UnitKey_DecidedOn",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_UnitKey_JudicialAppliedOn",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_UnitKey_JudicialConfirmedOn",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_UnitKey_ReceivedOn",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_ConcludedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "ConcludedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_CriminalOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "CriminalOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_DecidedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "DecidedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_JudicialAppliedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "JudicialAppliedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_JudicialConfirmedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "JudicialConfirmedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_ReceivedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "ReceivedOn", "UnitKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_ConcludedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_CriminalOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_DecidedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_JudicialAppliedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_JudicialConfirmedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_ReceivedOn_UnitKey",
                schema: "statistics",
                table: "RecordFacts");

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
        }
    }
}
