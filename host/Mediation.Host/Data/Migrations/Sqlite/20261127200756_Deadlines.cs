using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "core_DeadlineClocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_DeadlineClocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_Notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Template = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_CalendarDays", x => x.Date);
                    table.ForeignKey(
                        name: "FK_core_CalendarDays_core_CalendarYears_Year",
                        column: x => x.Year,
                        principalTable: "core_CalendarYears",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_DeadlineClockEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClockId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Days = table.Column<int>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_DeadlineClockEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_DeadlineClockEvents_core_DeadlineClocks_ClockId",
                        column: x => x.ClockId,
                        principalTable: "core_DeadlineClocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_DeadlineSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClockId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueInstant = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupervisorOrgUnitId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_DeadlineSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_DeadlineSteps_core_DeadlineClocks_ClockId",
                        column: x => x.ClockId,
                        principalTable: "core_DeadlineClocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_CalendarDays_Year",
                table: "core_CalendarDays",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_core_DeadlineClockEvents_ClockId_Sequence",
                table: "core_DeadlineClockEvents",
                columns: new[] { "ClockId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_DeadlineClocks_OrgUnitId",
                table: "core_DeadlineClocks",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_core_DeadlineClocks_RecordType_RecordId_PolicyName",
                table: "core_DeadlineClocks",
                columns: new[] { "RecordType", "RecordId", "PolicyName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_DeadlineClocks_Status_DueAt",
                table: "core_DeadlineClocks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_core_DeadlineSteps_ClockId_Step_DueInstant",
                table: "core_DeadlineSteps",
                columns: new[] { "ClockId", "Step", "DueInstant" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_Notices_Channel_SentAt",
                table: "core_Notices",
                columns: new[] { "Channel", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_core_Notices_OrgUnitId_Channel_CreatedAt",
                table: "core_Notices",
                columns: new[] { "OrgUnitId", "Channel", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_CalendarDays");

            migrationBuilder.DropTable(
                name: "core_DeadlineClockEvents");

            migrationBuilder.DropTable(
                name: "core_DeadlineSteps");

            migrationBuilder.DropTable(
                name: "core_Notices");

            migrationBuilder.DropTable(
                name: "core_CalendarYears");

            migrationBuilder.DropTable(
                name: "core_DeadlineClocks");
        }
    }
}
