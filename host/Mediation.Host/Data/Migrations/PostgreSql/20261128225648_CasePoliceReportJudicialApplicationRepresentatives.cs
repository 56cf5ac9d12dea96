using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CasePoliceReportJudicialApplicationRepresentatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BecameCriminalNote",
                schema: "cases",
                table: "Cases",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BecameCriminalOn",
                schema: "cases",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JudicialAppliedOn",
                schema: "cases",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoliceStation",
                schema: "cases",
                table: "Cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReopenedAt",
                schema: "cases",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Agent",
                schema: "cases",
                table: "CaseParties",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentative",
                schema: "cases",
                table: "CaseParties",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BecameCriminalNote",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "BecameCriminalOn",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "JudicialAppliedOn",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PoliceStation",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Agent",
                schema: "cases",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "LegalRepresentative",
                schema: "cases",
                table: "CaseParties");
        }
    }
}
