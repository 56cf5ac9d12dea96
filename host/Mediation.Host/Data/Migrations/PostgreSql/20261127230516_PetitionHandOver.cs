using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PetitionHandOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HandedOverAt",
                schema: "petitions",
                table: "Petitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediationCaseNumber",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MediationConcludedAt",
                schema: "petitions",
                table: "Petitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediationResult",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediationResultDetail",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "MediationCaseNumber",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "MediationConcludedAt",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "MediationResult",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "MediationResultDetail",
                schema: "petitions",
                table: "Petitions");
        }
    }
}
