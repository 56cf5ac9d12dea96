using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CasePartyDocumentsCommitteeSpecialty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Specialty",
                table: "cases_Committees",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdDocumentKind",
                table: "cases_CaseParties",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoIdReason",
                table: "cases_CaseParties",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        
            // Every person recorded before passports and permits were accepted had a 居民身份证.
            migrationBuilder.Sql(@"UPDATE ""cases_CaseParties"" SET ""IdDocumentKind"" = 'ResidentIdCard' WHERE ""Kind"" = 'Person'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Specialty",
                table: "cases_Committees");

            migrationBuilder.DropColumn(
                name: "IdDocumentKind",
                table: "cases_CaseParties");

            migrationBuilder.DropColumn(
                name: "NoIdReason",
                table: "cases_CaseParties");
        }
    }
}
