using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServiceDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "service_desk");

            migrationBuilder.CreateTable(
                name: "Enterprises",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreditCode = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ContactPhoneMasked = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ContactPhoneCipher = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContactPhoneHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SignedUpAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RejectionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enterprises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnterpriseMembers",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    IsAdmin = table.Column<bool>(type: "bit", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseMembers_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalSchema: "service_desk",
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Requests",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    SequenceNumber = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Project = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Urgent = table.Column<bool>(type: "bit", nullable: false),
                    Complex = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AcknowledgementDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FirstResponderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FirstResponderName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OwnerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OwnerDepartment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SuppliedMaterials = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Result = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcludedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Rating = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    RatingComment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Route = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    RouteBody = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RouteNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CaseNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    RouteRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RouteOutcome = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RouteOutcomeAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    VisitId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AcknowledgementDocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CompletionDocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Requests_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalSchema: "service_desk",
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Visitors = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    MetWith = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalSchema: "service_desk",
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaterialsNotices",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Items = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    SuppliedItems = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IssuedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SatisfiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialsNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaterialsNotices_Requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "service_desk",
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestEvents",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestEvents_Requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "service_desk",
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestTransfers",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    FromUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ToUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ToName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ToDepartment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestTransfers_Requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "service_desk",
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitProblems",
                schema: "service_desk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RequestNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    VisitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitProblems_Visits_VisitId",
                        column: x => x.VisitId,
                        principalSchema: "service_desk",
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseMembers_EnterpriseId",
                schema: "service_desk",
                table: "EnterpriseMembers",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseMembers_UserId",
                schema: "service_desk",
                table: "EnterpriseMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CreditCode",
                schema: "service_desk",
                table: "Enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_OrgUnitId",
                schema: "service_desk",
                table: "Enterprises",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialsNotices_RequestId",
                schema: "service_desk",
                table: "MaterialsNotices",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_RequestId",
                schema: "service_desk",
                table: "RequestEvents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CaseId",
                schema: "service_desk",
                table: "Requests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_EnterpriseId_SubmittedAt",
                schema: "service_desk",
                table: "Requests",
                columns: new[] { "EnterpriseId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_FirstResponderId",
                schema: "service_desk",
                table: "Requests",
                column: "FirstResponderId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Number",
                schema: "service_desk",
                table: "Requests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_OrgUnitId_SubmittedAt",
                schema: "service_desk",
                table: "Requests",
                columns: new[] { "OrgUnitId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_OrgUnitId_Year_SequenceNumber",
                schema: "service_desk",
                table: "Requests",
                columns: new[] { "OrgUnitId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_OwnerId",
                schema: "service_desk",
                table: "Requests",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestTransfers_RequestId",
                schema: "service_desk",
                table: "RequestTransfers",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitProblems_VisitId",
                schema: "service_desk",
                table: "VisitProblems",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_EnterpriseId_VisitedOn",
                schema: "service_desk",
                table: "Visits",
                columns: new[] { "EnterpriseId", "VisitedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnterpriseMembers",
                schema: "service_desk");

            migrationBuilder.DropTable(
                name: "MaterialsNotices",
                schema: "service_desk");

            migrationBuilder.DropTable(
                name: "RequestEvents",
                schema: "service_desk");

            migrationBuilder.DropTable(
                name: "RequestTransfers",
                schema: "service_desk");

            migrationBuilder.DropTable(
                name: "VisitProblems",
                schema: "service_desk");

            migrationBuilder.DropTable(
                name: "Requests",
                schema: "service_desk");

            migrationBuilder.DropTable(
                name: "Visits",
                schema: "service_desk");

            migrationBuilder.DropTable(
                name: "Enterprises",
                schema: "service_desk");
        }
    }
}
