using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LawyerTakesPartInMediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParticipationCaseId",
                schema: "legal_windows",
                table: "ServiceRecords",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParticipationCaseNumber",
                schema: "legal_windows",
                table: "ServiceRecords",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParticipationSessionNumber",
                schema: "legal_windows",
                table: "ServiceRecords",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseSessionParticipants",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionNumber = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Organisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Capacity = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SourceRecordId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSessionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSessionParticipants_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_ParticipationCaseId",
                schema: "legal_windows",
                table: "ServiceRecords",
                column: "ParticipationCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSessionParticipants_CaseId_SessionNumber",
                schema: "cases",
                table: "CaseSessionParticipants",
                columns: new[] { "CaseId", "SessionNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseSessionParticipants",
                schema: "cases");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_ParticipationCaseId",
                schema: "legal_windows",
                table: "ServiceRecords");

            migrationBuilder.DropColumn(
                name: "ParticipationCaseId",
                schema: "legal_windows",
                table: "ServiceRecords");

            migrationBuilder.DropColumn(
                name: "ParticipationCaseNumber",
                schema: "legal_windows",
                table: "ServiceRecords");

            migrationBuilder.DropColumn(
                name: "ParticipationSessionNumber",
                schema: "legal_windows",
                table: "ServiceRecords");
        }
    }
}
