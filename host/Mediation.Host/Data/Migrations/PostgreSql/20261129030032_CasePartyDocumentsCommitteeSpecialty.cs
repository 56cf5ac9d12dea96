using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CasePartyDocumentsCommitteeSpecialty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Specialty",
                schema: "cases",
                table: "Committees",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdDocumentKind",
                schema: "cases",
                table: "CaseParties",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoIdReason",
                schema: "cases",
                table: "CaseParties",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        
            // Every person recorded before passports and permits were accepted had a 居民身份证.
            migrationBuilder.Sql(@"UPDATE cases.""CaseParties"" SET ""IdDocumentKind"" = 'ResidentIdCard' WHERE ""Kind"" = 'Person'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Specialty",
                schema: "cases",
                table: "Committees");

            migrationBuilder.DropColumn(
                name: "IdDocumentKind",
                schema: "cases",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "NoIdReason",
                schema: "cases",
                table: "CaseParties");
        }
    }
}
