using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsIndexesDateFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_ConcludedOn",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_CriminalOn",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_DecidedOn",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_JudicialAppliedOn",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_JudicialConfirmedOn",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_UnitKey_ReceivedOn",
                table: "statistics_RecordFacts");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_ConcludedOn_UnitKey",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "ConcludedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_CriminalOn_UnitKey",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "CriminalOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_DecidedOn_UnitKey",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "DecidedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_JudicialAppliedOn_UnitKey",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "JudicialAppliedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_JudicialConfirmedOn_UnitKey",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "JudicialConfirmedOn", "UnitKey" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_RecordFacts_Kind_ReceivedOn_UnitKey",
                table: "statistics_RecordFacts",
                columns: new[] { "Kind", "ReceivedOn", "UnitKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_ConcludedOn_UnitKey",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_CriminalOn_UnitKey",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_DecidedOn_UnitKey",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_JudicialAppliedOn_UnitKey",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_JudicialConfirmedOn_UnitKey",
                table: "statistics_RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_statistics_RecordFacts_Kind_ReceivedOn_UnitKey",
                table: "statistics_RecordFacts");

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
        }
    }
}
