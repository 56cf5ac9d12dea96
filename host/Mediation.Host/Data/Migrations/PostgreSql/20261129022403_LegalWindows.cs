using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LegalWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "legal_windows");

            migrationBuilder.CreateTable(
                name: "Advisors",
                schema: "legal_windows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Firm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Advisors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Windows",
                schema: "legal_windows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    OpeningNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Windows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRecords",
                schema: "legal_windows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SequenceNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ServedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IdCardMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IdCardCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdCardHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Matter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Advice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    LawsCited = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FollowUpNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attendance = table.Column<int>(type: "integer", nullable: true),
                    ErrandStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ErrandNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ErrandClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReferredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConsentingParties = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReferralResult = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReferralConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReferralDetail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRecords_Advisors_AdvisorId",
                        column: x => x.AdvisorId,
                        principalSchema: "legal_windows",
                        principalTable: "Advisors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRecords_Windows_WindowId",
                        column: x => x.WindowId,
                        principalSchema: "legal_windows",
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Shifts",
                schema: "legal_windows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AdvisorId = table.Column<Guid>(type: "uuid", nullable: true),
                    OnHoliday = table.Column<bool>(type: "boolean", nullable: false),
                    UncoveredNoticeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shifts_Windows_WindowId",
                        column: x => x.WindowId,
                        principalSchema: "legal_windows",
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WindowAdvisors",
                schema: "legal_windows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdvisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowAdvisors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindowAdvisors_Windows_WindowId",
                        column: x => x.WindowId,
                        principalSchema: "legal_windows",
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShiftSwaps",
                schema: "legal_windows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    FromAdvisorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToAdvisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SwappedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SwappedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ShiftId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftSwaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftSwaps_Shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalSchema: "legal_windows",
                        principalTable: "Shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Advisors_LicenceNumber",
                schema: "legal_windows",
                table: "Advisors",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Advisors_OrgUnitId",
                schema: "legal_windows",
                table: "Advisors",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Advisors_UserId",
                schema: "legal_windows",
                table: "Advisors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_AdvisorId",
                schema: "legal_windows",
                table: "ServiceRecords",
                column: "AdvisorId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_CaseId",
                schema: "legal_windows",
                table: "ServiceRecords",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_IdCardHash",
                schema: "legal_windows",
                table: "ServiceRecords",
                column: "IdCardHash");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_Number",
                schema: "legal_windows",
                table: "ServiceRecords",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_WindowId_ServedAt",
                schema: "legal_windows",
                table: "ServiceRecords",
                columns: new[] { "WindowId", "ServedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_WindowId_Year_SequenceNumber",
                schema: "legal_windows",
                table: "ServiceRecords",
                columns: new[] { "WindowId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_Date_AdvisorId",
                schema: "legal_windows",
                table: "Shifts",
                columns: new[] { "Date", "AdvisorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_WindowId_Date",
                schema: "legal_windows",
                table: "Shifts",
                columns: new[] { "WindowId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShiftSwaps_ShiftId",
                schema: "legal_windows",
                table: "ShiftSwaps",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowAdvisors_AdvisorId",
                schema: "legal_windows",
                table: "WindowAdvisors",
                column: "AdvisorId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowAdvisors_WindowId_AdvisorId",
                schema: "legal_windows",
                table: "WindowAdvisors",
                columns: new[] { "WindowId", "AdvisorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Windows_OrgUnitId",
                schema: "legal_windows",
                table: "Windows",
                column: "OrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Windows_ShortName",
                schema: "legal_windows",
                table: "Windows",
                column: "ShortName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceRecords",
                schema: "legal_windows");

            migrationBuilder.DropTable(
                name: "ShiftSwaps",
                schema: "legal_windows");

            migrationBuilder.DropTable(
                name: "WindowAdvisors",
                schema: "legal_windows");

            migrationBuilder.DropTable(
                name: "Advisors",
                schema: "legal_windows");

            migrationBuilder.DropTable(
                name: "Shifts",
                schema: "legal_windows");

            migrationBuilder.DropTable(
                name: "Windows",
                schema: "legal_windows");
        }
    }
}
