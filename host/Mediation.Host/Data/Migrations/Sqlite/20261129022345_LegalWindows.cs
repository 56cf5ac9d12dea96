using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "legal_windows_Advisors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Firm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_windows_Advisors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "legal_windows_Windows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    OpeningNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_windows_Windows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "legal_windows_ServiceRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WindowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SequenceNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IdCardMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IdCardCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdCardHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LawsCited = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowUpNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrandStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ErrandNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ErrandClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConsentingParties = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReferralResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReferralConcludedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralDetail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_windows_ServiceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_legal_windows_ServiceRecords_legal_windows_Advisors_AdvisorId",
                        column: x => x.AdvisorId,
                        principalTable: "legal_windows_Advisors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_legal_windows_ServiceRecords_legal_windows_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "legal_windows_Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "legal_windows_Shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WindowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    AdvisorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OnHoliday = table.Column<bool>(type: "INTEGER", nullable: false),
                    UncoveredNoticeAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_windows_Shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_legal_windows_Shifts_legal_windows_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "legal_windows_Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "legal_windows_WindowAdvisors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvisorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WindowId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_windows_WindowAdvisors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_legal_windows_WindowAdvisors_legal_windows_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "legal_windows_Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "legal_windows_ShiftSwaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FromAdvisorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToAdvisorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SwappedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SwappedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShiftId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_windows_ShiftSwaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_legal_windows_ShiftSwaps_legal_windows_Shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "legal_windows_Shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_Advisors_LicenceNumber",
                table: "legal_windows_Advisors",
                column: "LicenceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_Advisors_OrgUnitId",
                table: "legal_windows_Advisors",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_Advisors_UserId",
                table: "legal_windows_Advisors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_AdvisorId",
                table: "legal_windows_ServiceRecords",
                column: "AdvisorId");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_CaseId",
                table: "legal_windows_ServiceRecords",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_IdCardHash",
                table: "legal_windows_ServiceRecords",
                column: "IdCardHash");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_Number",
                table: "legal_windows_ServiceRecords",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_WindowId_ServedAt",
                table: "legal_windows_ServiceRecords",
                columns: new[] { "WindowId", "ServedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ServiceRecords_WindowId_Year_SequenceNumber",
                table: "legal_windows_ServiceRecords",
                columns: new[] { "WindowId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_Shifts_Date_AdvisorId",
                table: "legal_windows_Shifts",
                columns: new[] { "Date", "AdvisorId" });

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_Shifts_WindowId_Date",
                table: "legal_windows_Shifts",
                columns: new[] { "WindowId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_ShiftSwaps_ShiftId",
                table: "legal_windows_ShiftSwaps",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_WindowAdvisors_AdvisorId",
                table: "legal_windows_WindowAdvisors",
                column: "AdvisorId");

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_WindowAdvisors_WindowId_AdvisorId",
                table: "legal_windows_WindowAdvisors",
                columns: new[] { "WindowId", "AdvisorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_Windows_OrgUnitId",
                table: "legal_windows_Windows",
                column: "OrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_windows_Windows_ShortName",
                table: "legal_windows_Windows",
                column: "ShortName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_windows_ServiceRecords");

            migrationBuilder.DropTable(
                name: "legal_windows_ShiftSwaps");

            migrationBuilder.DropTable(
                name: "legal_windows_WindowAdvisors");

            migrationBuilder.DropTable(
                name: "legal_windows_Advisors");

            migrationBuilder.DropTable(
                name: "legal_windows_Shifts");

            migrationBuilder.DropTable(
                name: "legal_windows_Windows");
        }
    }
}
