using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StatisticsCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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
                name: "IX_RecordFacts_Kind_ConcludedOn_UnitKey_ReceivedOn_HandlingDays_DueOn_Succeeded_Rated_Satisfied_Category_Source",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "ConcludedOn", "UnitKey", "ReceivedOn", "HandlingDays", "DueOn", "Succeeded", "Rated", "Satisfied", "Category", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_CriminalOn_UnitKey_Category_Source",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "CriminalOn", "UnitKey", "Category", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_DecidedOn_UnitKey_DecisionDueOn",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "DecidedOn", "UnitKey", "DecisionDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_JudicialAppliedOn_UnitKey_Category_Source",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "JudicialAppliedOn", "UnitKey", "Category", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_JudicialConfirmedOn_UnitKey_Category_Source",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "JudicialConfirmedOn", "UnitKey", "Category", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFacts_Kind_ReceivedOn_UnitKey_ConcludedOn_DueOn_DecidedOn_DecisionDueOn_Succeeded_Rated_Satisfied_Category_Source",
                schema: "statistics",
                table: "RecordFacts",
                columns: new[] { "Kind", "ReceivedOn", "UnitKey", "ConcludedOn", "DueOn", "DecidedOn", "DecisionDueOn", "Succeeded", "Rated", "Satisfied", "Category", "Source" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_ConcludedOn_UnitKey_ReceivedOn_HandlingDays_DueOn_Succeeded_Rated_Satisfied_Category_Source",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_CriminalOn_UnitKey_Category_Source",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_DecidedOn_UnitKey_DecisionDueOn",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_JudicialAppliedOn_UnitKey_Category_Source",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_JudicialConfirmedOn_UnitKey_Category_Source",
                schema: "statistics",
                table: "RecordFacts");

            migrationBuilder.DropIndex(
                name: "IX_RecordFacts_Kind_ReceivedOn_UnitKey_ConcludedOn_DueOn_DecidedOn_DecisionDueOn_Succeeded_Rated_Satisfied_Category_Source",
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
    }
}
