using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class JointMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "joint_meetings");

            migrationBuilder.CreateTable(
                name: "WorkingGroups",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Convener = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Chair = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MinutesNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    MinutesDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_WorkingGroups_GroupId",
                        column: x => x.GroupId,
                        principalSchema: "joint_meetings",
                        principalTable: "WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemberUnits",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberUnits_WorkingGroups_GroupId",
                        column: x => x.GroupId,
                        principalSchema: "joint_meetings",
                        principalTable: "WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LinkedRecordType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    LinkedRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    LinkedRecordNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LinkedRecordClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LinkedRecordClosedNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Decision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "joint_meetings",
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_WorkingGroups_GroupId",
                        column: x => x.GroupId,
                        principalSchema: "joint_meetings",
                        principalTable: "WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attendance",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attendee = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SubstituteName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendance_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "joint_meetings",
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Liaisons",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    MemberUnitId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Liaisons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Liaisons_MemberUnits_MemberUnitId",
                        column: x => x.MemberUnitId,
                        principalSchema: "joint_meetings",
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Requirement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Policy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tasks_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalSchema: "joint_meetings",
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "joint_meetings",
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_MemberUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalSchema: "joint_meetings",
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskCooperatingUnits",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskCooperatingUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskCooperatingUnits_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "joint_meetings",
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskReports",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReports_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "joint_meetings",
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskSupervisions",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Automatic = table.Column<bool>(type: "boolean", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskSupervisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskSupervisions_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "joint_meetings",
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_GroupId",
                schema: "joint_meetings",
                table: "AgendaItems",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_LinkedRecordType_LinkedRecordId",
                schema: "joint_meetings",
                table: "AgendaItems",
                columns: new[] { "LinkedRecordType", "LinkedRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId",
                schema: "joint_meetings",
                table: "AgendaItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_OrgUnitId",
                schema: "joint_meetings",
                table: "AgendaItems",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_MeetingId",
                schema: "joint_meetings",
                table: "Attendance",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Liaisons_MemberUnitId",
                schema: "joint_meetings",
                table: "Liaisons",
                column: "MemberUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Liaisons_UserId",
                schema: "joint_meetings",
                table: "Liaisons",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_GroupId",
                schema: "joint_meetings",
                table: "Meetings",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OrgUnitId",
                schema: "joint_meetings",
                table: "Meetings",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ScheduledAt",
                schema: "joint_meetings",
                table: "Meetings",
                column: "ScheduledAt");

            migrationBuilder.CreateIndex(
                name: "IX_MemberUnits_GroupId_Name",
                schema: "joint_meetings",
                table: "MemberUnits",
                columns: new[] { "GroupId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberUnits_OrgUnitId",
                schema: "joint_meetings",
                table: "MemberUnits",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCooperatingUnits_MemberUnitId",
                schema: "joint_meetings",
                table: "TaskCooperatingUnits",
                column: "MemberUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCooperatingUnits_TaskId",
                schema: "joint_meetings",
                table: "TaskCooperatingUnits",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_TaskId",
                schema: "joint_meetings",
                table: "TaskReports",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AgendaItemId",
                schema: "joint_meetings",
                table: "Tasks",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_LeadUnitId",
                schema: "joint_meetings",
                table: "Tasks",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_MeetingId_Number",
                schema: "joint_meetings",
                table: "Tasks",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OrgUnitId",
                schema: "joint_meetings",
                table: "Tasks",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskSupervisions_TaskId",
                schema: "joint_meetings",
                table: "TaskSupervisions",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroups_OrgUnitId",
                schema: "joint_meetings",
                table: "WorkingGroups",
                column: "OrgUnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attendance",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "Liaisons",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "TaskCooperatingUnits",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "TaskReports",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "TaskSupervisions",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "Tasks",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "AgendaItems",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "MemberUnits",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "Meetings",
                schema: "joint_meetings");

            migrationBuilder.DropTable(
                name: "WorkingGroups",
                schema: "joint_meetings");
        }
    }
}
