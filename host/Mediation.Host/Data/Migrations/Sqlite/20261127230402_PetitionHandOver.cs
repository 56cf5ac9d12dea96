using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionHandOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HandedOverAt",
                table: "petitions_Petitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediationCaseNumber",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MediationConcludedAt",
                table: "petitions_Petitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediationResult",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediationResultDetail",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "MediationCaseNumber",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "MediationConcludedAt",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "MediationResult",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "MediationResultDetail",
                table: "petitions_Petitions");
        }
    }
}
