using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CasePoliceReportJudicialApplicationRepresentatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BecameCriminalNote",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BecameCriminalOn",
                table: "cases_Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JudicialAppliedOn",
                table: "cases_Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoliceStation",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReopenedAt",
                table: "cases_Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Agent",
                table: "cases_CaseParties",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentative",
                table: "cases_CaseParties",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BecameCriminalNote",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "BecameCriminalOn",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "JudicialAppliedOn",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "PoliceStation",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "Agent",
                table: "cases_CaseParties");

            migrationBuilder.DropColumn(
                name: "LegalRepresentative",
                table: "cases_CaseParties");
        }
    }
}
