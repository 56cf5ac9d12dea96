using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgreementDocumentId",
                schema: "cases",
                table: "Cases",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementFacts",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AgreementSignedAt",
                schema: "cases",
                table: "Cases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConcludedAt",
                schema: "cases",
                table: "Cases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConcludedBy",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CourtDecidedOn",
                schema: "cases",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CourtDecision",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CourtName",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputedPoints",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MayTurnCriminal",
                schema: "cases",
                table: "Cases",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OralRecord",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Performance",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedToPoliceOn",
                schema: "cases",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Responsibilities",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminationReason",
                schema: "cases",
                table: "Cases",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                schema: "cases",
                table: "CaseParties",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CaseAgreementTerms",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAgreementTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAgreementTerms_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseSessions",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Attendees = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Minutes = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSessions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseSessionStatements",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionNumber = table.Column<int>(type: "int", nullable: false),
                    PartyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Statement = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSessionStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSessionStatements_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAgreementTerms_CaseId_Number",
                schema: "cases",
                table: "CaseAgreementTerms",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseSessions_CaseId_Number",
                schema: "cases",
                table: "CaseSessions",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseSessionStatements_CaseId_SessionNumber",
                schema: "cases",
                table: "CaseSessionStatements",
                columns: new[] { "CaseId", "SessionNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAgreementTerms",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "CaseSessions",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "CaseSessionStatements",
                schema: "cases");

            migrationBuilder.DropColumn(
                name: "AgreementDocumentId",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AgreementFacts",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AgreementSignedAt",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConcludedAt",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConcludedBy",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CourtDecidedOn",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CourtDecision",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CourtName",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DisputedPoints",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MayTurnCriminal",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OralRecord",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Outcome",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Performance",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReportedToPoliceOn",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Responsibilities",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "TerminationReason",
                schema: "cases",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Position",
                schema: "cases",
                table: "CaseParties");
        }
    }
}
