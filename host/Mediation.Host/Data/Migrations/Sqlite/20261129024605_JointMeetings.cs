using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JointMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "joint_meetings_WorkingGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuerCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Convener = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_WorkingGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MinutesNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    MinutesDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_Meetings_joint_meetings_WorkingGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "joint_meetings_WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_MemberUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_MemberUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_MemberUnits_joint_meetings_WorkingGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "joint_meetings_WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LinkedRecordType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    LinkedRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkedRecordNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    LinkedRecordClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkedRecordClosedNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_AgendaItems_joint_meetings_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "joint_meetings_Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_joint_meetings_AgendaItems_joint_meetings_WorkingGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "joint_meetings_WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_Attendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attendee = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SubstituteName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_Attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_Attendance_joint_meetings_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "joint_meetings_Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_Liaisons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MemberUnitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_Liaisons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_Liaisons_joint_meetings_MemberUnits_MemberUnitId",
                        column: x => x.MemberUnitId,
                        principalTable: "joint_meetings_MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_Tasks_joint_meetings_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "joint_meetings_AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_joint_meetings_Tasks_joint_meetings_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "joint_meetings_Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_joint_meetings_Tasks_joint_meetings_MemberUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "joint_meetings_MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_TaskCooperatingUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_TaskCooperatingUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_TaskCooperatingUnits_joint_meetings_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "joint_meetings_Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_TaskReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_TaskReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_TaskReports_joint_meetings_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "joint_meetings_Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings_TaskSupervisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_TaskSupervisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_joint_meetings_TaskSupervisions_joint_meetings_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "joint_meetings_Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_AgendaItems_GroupId",
                table: "joint_meetings_AgendaItems",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_AgendaItems_LinkedRecordType_LinkedRecordId",
                table: "joint_meetings_AgendaItems",
                columns: new[] { "LinkedRecordType", "LinkedRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_AgendaItems_MeetingId",
                table: "joint_meetings_AgendaItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_AgendaItems_OrgUnitId",
                table: "joint_meetings_AgendaItems",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Attendance_MeetingId",
                table: "joint_meetings_Attendance",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Liaisons_MemberUnitId",
                table: "joint_meetings_Liaisons",
                column: "MemberUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Liaisons_UserId",
                table: "joint_meetings_Liaisons",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Meetings_GroupId",
                table: "joint_meetings_Meetings",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Meetings_OrgUnitId",
                table: "joint_meetings_Meetings",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Meetings_ScheduledAt",
                table: "joint_meetings_Meetings",
                column: "ScheduledAt");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_MemberUnits_GroupId_Name",
                table: "joint_meetings_MemberUnits",
                columns: new[] { "GroupId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_MemberUnits_OrgUnitId",
                table: "joint_meetings_MemberUnits",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_TaskCooperatingUnits_MemberUnitId",
                table: "joint_meetings_TaskCooperatingUnits",
                column: "MemberUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_TaskCooperatingUnits_TaskId",
                table: "joint_meetings_TaskCooperatingUnits",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_TaskReports_TaskId",
                table: "joint_meetings_TaskReports",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Tasks_AgendaItemId",
                table: "joint_meetings_Tasks",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Tasks_LeadUnitId",
                table: "joint_meetings_Tasks",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Tasks_MeetingId_Number",
                table: "joint_meetings_Tasks",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_Tasks_OrgUnitId",
                table: "joint_meetings_Tasks",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_TaskSupervisions_TaskId",
                table: "joint_meetings_TaskSupervisions",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_WorkingGroups_OrgUnitId",
                table: "joint_meetings_WorkingGroups",
                column: "OrgUnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "joint_meetings_Attendance");

            migrationBuilder.DropTable(
                name: "joint_meetings_Liaisons");

            migrationBuilder.DropTable(
                name: "joint_meetings_TaskCooperatingUnits");

            migrationBuilder.DropTable(
                name: "joint_meetings_TaskReports");

            migrationBuilder.DropTable(
                name: "joint_meetings_TaskSupervisions");

            migrationBuilder.DropTable(
                name: "joint_meetings_Tasks");

            migrationBuilder.DropTable(
                name: "joint_meetings_AgendaItems");

            migrationBuilder.DropTable(
                name: "joint_meetings_MemberUnits");

            migrationBuilder.DropTable(
                name: "joint_meetings_Meetings");

            migrationBuilder.DropTable(
                name: "joint_meetings_WorkingGroups");
        }
    }
}
