using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenSessionPlansUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_cases_SessionPlans_CaseId_StartsAt_MediatorId",
                table: "cases_SessionPlans",
                columns: new[] { "CaseId", "StartsAt", "MediatorId" },
                unique: true,
                filter: "\"Status\" = 'Planned'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_SessionPlans_CaseId_StartsAt_MediatorId",
                table: "cases_SessionPlans");
        }
    }
}
