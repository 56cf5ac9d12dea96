using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgreementDocumentId",
                table: "cases_Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementFacts",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AgreementSignedAt",
                table: "cases_Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConcludedAt",
                table: "cases_Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConcludedBy",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtDecidedOn",
                table: "cases_Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CourtDecision",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CourtName",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputedPoints",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MayTurnCriminal",
                table: "cases_Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OralRecord",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Performance",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedToPoliceOn",
                table: "cases_Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Responsibilities",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminationReason",
                table: "cases_Cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "cases_CaseParties",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "cases_CaseAgreementTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseAgreementTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseAgreementTerms_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_CaseSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseSessions_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_CaseSessionStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseSessionStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseSessionStatements_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseAgreementTerms_CaseId_Number",
                table: "cases_CaseAgreementTerms",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseSessions_CaseId_Number",
                table: "cases_CaseSessions",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseSessionStatements_CaseId_SessionNumber",
                table: "cases_CaseSessionStatements",
                columns: new[] { "CaseId", "SessionNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_CaseAgreementTerms");

            migrationBuilder.DropTable(
                name: "cases_CaseSessions");

            migrationBuilder.DropTable(
                name: "cases_CaseSessionStatements");

            migrationBuilder.DropColumn(
                name: "AgreementDocumentId",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "AgreementFacts",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "AgreementSignedAt",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "ConcludedAt",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "ConcludedBy",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "CourtDecidedOn",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "CourtDecision",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "CourtName",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "DisputedPoints",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "MayTurnCriminal",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "OralRecord",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "Performance",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "ReportedToPoliceOn",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "Responsibilities",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "TerminationReason",
                table: "cases_Cases");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "cases_CaseParties");
        }
    }
}
