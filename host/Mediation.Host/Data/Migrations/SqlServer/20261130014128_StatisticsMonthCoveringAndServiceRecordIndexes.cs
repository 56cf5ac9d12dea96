using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StatisticsMonthCoveringAndServiceRecordIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_AdvisorId",
                schema: "legal_windows",
                table: "ServiceRecords");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_AdvisorId_ServedAt",
                schema: "legal_windows",
                table: "ServiceRecords",
                columns: new[] { "AdvisorId", "ServedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_OrgUnitId_ServedAt",
                schema: "legal_windows",
                table: "ServiceRecords",
                columns: new[] { "OrgUnitId", "ServedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyCounts_Month_UnitKey_Kind_Entry_Other_Category_Source_Records_Days_Succeeded_Rated_RatedSatisfied_HasDue_OnTime_Late",
                schema: "statistics",
                table: "MonthlyCounts",
                columns: new[] { "Month", "UnitKey", "Kind", "Entry", "Other", "Category", "Source", "Records", "Days", "Succeeded", "Rated", "RatedSatisfied", "HasDue", "OnTime", "Late" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_AdvisorId_ServedAt",
                schema: "legal_windows",
                table: "ServiceRecords");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_OrgUnitId_ServedAt",
                schema: "legal_windows",
                table: "ServiceRecords");

            migrationBuilder.DropIndex(
                name: "IX_MonthlyCounts_Month_UnitKey_Kind_Entry_Other_Category_Source_Records_Days_Succeeded_Rated_RatedSatisfied_HasDue_OnTime_Late",
                schema: "statistics",
                table: "MonthlyCounts");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_AdvisorId",
                schema: "legal_windows",
                table: "ServiceRecords",
                column: "AdvisorId");
        }
    }
}
