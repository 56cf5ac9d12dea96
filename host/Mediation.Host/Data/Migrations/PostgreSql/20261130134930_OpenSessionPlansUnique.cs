using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OpenSessionPlansUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SessionPlans_CaseId_StartsAt_MediatorId",
                schema: "cases",
                table: "SessionPlans",
                columns: new[] { "CaseId", "StartsAt", "MediatorId" },
                unique: true,
                filter: "\"Status\" = 'Planned'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionPlans_CaseId_StartsAt_MediatorId",
                schema: "cases",
                table: "SessionPlans");
        }
    }
}
