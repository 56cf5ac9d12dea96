using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MinutesDocumentId",
                table: "cases_CaseSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TerminationNoticeDocumentId",
                table: "cases_Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cases_CaseTermContinuations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsentingPartyIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConsentedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseTermContinuations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseTermContinuations_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_FollowUpVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermNumbers = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VisitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Visitor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_FollowUpVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_FollowUpVisits_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases_FollowUpVisitParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_FollowUpVisitParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_FollowUpVisitParties_cases_FollowUpVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "cases_FollowUpVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_FollowUpVisitTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Performance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_FollowUpVisitTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_FollowUpVisitTerms_cases_FollowUpVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "cases_FollowUpVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseTermContinuations_CaseId_Sequence",
                table: "cases_CaseTermContinuations",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_FollowUpVisitParties_VisitId_PartyId",
                table: "cases_FollowUpVisitParties",
                columns: new[] { "VisitId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_FollowUpVisits_CaseId",
                table: "cases_FollowUpVisits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_FollowUpVisits_OrgUnitId_Status_DueDate",
                table: "cases_FollowUpVisits",
                columns: new[] { "OrgUnitId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_FollowUpVisitTerms_VisitId_TermNumber",
                table: "cases_FollowUpVisitTerms",
                columns: new[] { "VisitId", "TermNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_CaseTermContinuations");

            migrationBuilder.DropTable(
                name: "cases_FollowUpVisitParties");

            migrationBuilder.DropTable(
                name: "cases_FollowUpVisitTerms");

            migrationBuilder.DropTable(
                name: "cases_FollowUpVisits");

            migrationBuilder.DropColumn(
                name: "MinutesDocumentId",
                table: "cases_CaseSessions");

            migrationBuilder.DropColumn(
                name: "TerminationNoticeDocumentId",
                table: "cases_Cases");
        }
    }
}
