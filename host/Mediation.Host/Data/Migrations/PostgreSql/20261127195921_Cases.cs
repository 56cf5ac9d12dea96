using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "cases");

            migrationBuilder.CreateTable(
                name: "CaseNumberCounters",
                schema: "cases",
                columns: table => new
                {
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastSequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => new { x.CommitteeId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Committees",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Committees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SequenceNumber = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DisputeType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AmountInDispute = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceRecordId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RiskGrade = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalSchema: "cases",
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMediators",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsHead = table.Column<bool>(type: "boolean", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeMediators_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalSchema: "cases",
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseMediators",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMediators_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseParties",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdCardMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IdCardCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdCardHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Representative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ConsentsToMediation = table.Column<bool>(type: "boolean", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseParties_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseRiskAssessments",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Grade = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssessedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRiskAssessments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "cases",
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMediators_CaseId_UserId",
                schema: "cases",
                table: "CaseMediators",
                columns: new[] { "CaseId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseParties_CaseId",
                schema: "cases",
                table: "CaseParties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseParties_IdCardHash",
                schema: "cases",
                table: "CaseParties",
                column: "IdCardHash");

            migrationBuilder.CreateIndex(
                name: "IX_CaseParties_PhoneHash",
                schema: "cases",
                table: "CaseParties",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRiskAssessments_CaseId",
                schema: "cases",
                table: "CaseRiskAssessments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommitteeId_Year_SequenceNumber",
                schema: "cases",
                table: "Cases",
                columns: new[] { "CommitteeId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                schema: "cases",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrgUnitId",
                schema: "cases",
                table: "Cases",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMediators_CommitteeId_UserId",
                schema: "cases",
                table: "CommitteeMediators",
                columns: new[] { "CommitteeId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Committees_OrgUnitId",
                schema: "cases",
                table: "Committees",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Committees_ShortName",
                schema: "cases",
                table: "Committees",
                column: "ShortName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseMediators",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "CaseNumberCounters",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "CaseParties",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "CaseRiskAssessments",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "CommitteeMediators",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "Cases",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "Committees",
                schema: "cases");
        }
    }
}
