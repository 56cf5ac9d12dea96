using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LawyerTakesPartInMediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParticipationCaseId",
                table: "legal_windows_ServiceRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParticipationCaseNumber",
                table: "legal_windows_ServiceRecords",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParticipationSessionNumber",
                table: "legal_windows_ServiceRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cases_CaseSessionParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Capacity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourceRecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseSessionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseSessionParticipants_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_ParticipationCaseId",
                table: "legal_windows_ServiceRecords",
                column: "ParticipationCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseSessionParticipants_CaseId_SessionNumber",
                table: "cases_CaseSessionParticipants",
                columns: new[] { "CaseId", "SessionNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_CaseSessionParticipants");

            migrationBuilder.DropIndex(
                name: "IX_legal_windows_ServiceRecords_ParticipationCaseId",
                table: "legal_windows_ServiceRecords");

            migrationBuilder.DropColumn(
                name: "ParticipationCaseId",
                table: "legal_windows_ServiceRecords");

            migrationBuilder.DropColumn(
                name: "ParticipationCaseNumber",
                table: "legal_windows_ServiceRecords");

            migrationBuilder.DropColumn(
                name: "ParticipationSessionNumber",
                table: "legal_windows_ServiceRecords");
        }
    }
}
