using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_CaseNumberCounters",
                columns: table => new
                {
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseNumberCounters", x => new { x.CommitteeId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "cases_Committees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_Committees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SequenceNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DisputeType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AmountInDispute = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceRecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RiskGrade = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_Cases_cases_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "cases_Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases_CommitteeMediators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsHead = table.Column<bool>(type: "INTEGER", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CommitteeMediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CommitteeMediators_cases_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "cases_Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_CaseMediators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseMediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseMediators_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_CaseParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdCardMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IdCardCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdCardHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Representative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ConsentsToMediation = table.Column<bool>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseParties_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_CaseRiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseRiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseRiskAssessments_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseMediators_CaseId_UserId",
                table: "cases_CaseMediators",
                columns: new[] { "CaseId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseParties_CaseId",
                table: "cases_CaseParties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseParties_IdCardHash",
                table: "cases_CaseParties",
                column: "IdCardHash");

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseParties_PhoneHash",
                table: "cases_CaseParties",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseRiskAssessments_CaseId",
                table: "cases_CaseRiskAssessments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Cases_CommitteeId_Year_SequenceNumber",
                table: "cases_Cases",
                columns: new[] { "CommitteeId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_Cases_Number",
                table: "cases_Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_Cases_OrgUnitId",
                table: "cases_Cases",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_CommitteeMediators_CommitteeId_UserId",
                table: "cases_CommitteeMediators",
                columns: new[] { "CommitteeId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_Committees_OrgUnitId",
                table: "cases_Committees",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Committees_ShortName",
                table: "cases_Committees",
                column: "ShortName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_CaseMediators");

            migrationBuilder.DropTable(
                name: "cases_CaseNumberCounters");

            migrationBuilder.DropTable(
                name: "cases_CaseParties");

            migrationBuilder.DropTable(
                name: "cases_CaseRiskAssessments");

            migrationBuilder.DropTable(
                name: "cases_CommitteeMediators");

            migrationBuilder.DropTable(
                name: "cases_Cases");

            migrationBuilder.DropTable(
                name: "cases_Committees");
        }
    }
}
