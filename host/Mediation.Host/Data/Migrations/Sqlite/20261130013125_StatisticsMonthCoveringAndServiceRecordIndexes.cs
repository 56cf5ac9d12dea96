using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsMonthCoveringAndServiceRecordIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legal_windows_ServiceRecords_AdvisorId",
                table: "legal_windows_ServiceRecords");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_MonthlyCounts_Month_UnitKey_Kind_Entry_Other_Category_Source_Records_Days_Succeeded_Rated_RatedSatisfied_HasDue_OnTime_Late",
                table: "statistics_MonthlyCounts",
                columns: new[] { "Month", "UnitKey", "Kind", "Entry", "Other", "Category", "Source", "Records", "Days", "Succeeded", "Rated", "RatedSatisfied", "HasDue", "OnTime", "Late" });

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_AdvisorId_ServedAt",
                table: "legal_windows_ServiceRecords",
                columns: new[] { "AdvisorId", "ServedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_OrgUnitId_ServedAt",
                table: "legal_windows_ServiceRecords",
                columns: new[] { "OrgUnitId", "ServedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_statistics_MonthlyCounts_Month_UnitKey_Kind_Entry_Other_Category_Source_Records_Days_Succeeded_Rated_RatedSatisfied_HasDue_OnTime_Late",
                table: "statistics_MonthlyCounts");

            migrationBuilder.DropIndex(
                name: "IX_legal_windows_ServiceRecords_AdvisorId_ServedAt",
                table: "legal_windows_ServiceRecords");

            migrationBuilder.DropIndex(
                name: "IX_legal_windows_ServiceRecords_OrgUnitId_ServedAt",
                table: "legal_windows_ServiceRecords");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_AdvisorId",
                table: "legal_windows_ServiceRecords",
                column: "AdvisorId");
        }
    }
}
