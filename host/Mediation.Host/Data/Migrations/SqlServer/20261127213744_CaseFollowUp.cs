using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MinutesDocumentId",
                schema: "cases",
                table: "CaseSessions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TerminationNoticeDocumentId",
                schema: "cases",
                table: "Cases",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseTermContinuations",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    ConsentingPartyIds = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ConsentedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NewDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTermContinuations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTermContinuations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpVisits",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TermNumbers = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    VisitedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Method = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Visitor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpVisits_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpVisitParties",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Satisfaction = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    VisitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpVisitParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpVisitParties_FollowUpVisits_VisitId",
                        column: x => x.VisitId,
                        principalSchema: "cases",
                        principalTable: "FollowUpVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpVisitTerms",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TermNumber = table.Column<int>(type: "int", nullable: false),
                    Performance = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    VisitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpVisitTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpVisitTerms_FollowUpVisits_VisitId",
                        column: x => x.VisitId,
                        principalSchema: "cases",
                        principalTable: "FollowUpVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTermContinuations_CaseId_Sequence",
                schema: "cases",
                table: "CaseTermContinuations",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisitParties_VisitId_PartyId",
                schema: "cases",
                table: "FollowUpVisitParties",
                columns: new[] { "VisitId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisits_CaseId",
                schema: "cases",
                table: "FollowUpVisits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisits_OrgUnitId_Status_DueDate",
                schema: "cases",
                table: "FollowUpVisits",
                columns: new[] { "OrgUnitId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisitTerms_VisitId_TermNumber",
                schema: "cases",
                table: "FollowUpVisitTerms",
                columns: new[] { "VisitId", "TermNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseTermContinuations",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "FollowUpVisitParties",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "FollowUpVisitTerms",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "FollowUpVisits",
                schema: "cases");

            migrationBuilder.DropColumn(
                name: "MinutesDocumentId",
                schema: "cases",
                table: "CaseSessions");

            migrationBuilder.DropColumn(
                name: "TerminationNoticeDocumentId",
                schema: "cases",
                table: "Cases");
        }
    }
}
