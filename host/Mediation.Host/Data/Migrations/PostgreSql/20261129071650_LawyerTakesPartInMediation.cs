using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParticipationCaseNumber",
                schema: "legal_windows",
                table: "ServiceRecords",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParticipationSessionNumber",
                schema: "legal_windows",
                table: "ServiceRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseSessionParticipants",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionNumber = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Capacity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SourceRecordId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
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
