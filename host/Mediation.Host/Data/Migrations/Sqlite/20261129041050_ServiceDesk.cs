using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_desk_Enterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContactPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactPhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignedUpAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_Enterprises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_desk_EnterpriseMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IsAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_EnterpriseMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_desk_EnterpriseMembers_service_desk_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "service_desk_Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_desk_Requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SequenceNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Project = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Complex = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgementDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstResponderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OwnerDepartment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SuppliedMaterials = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConcludedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcludedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Route = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RouteBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RouteNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RouteRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RouteOutcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RouteOutcomeAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgementDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletionDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_Requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_desk_Requests_service_desk_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "service_desk_Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_desk_Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visitors = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MetWith = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_desk_Visits_service_desk_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "service_desk_Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_desk_MaterialsNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SuppliedItems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SatisfiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_MaterialsNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_desk_MaterialsNotices_service_desk_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_desk_Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_desk_RequestEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_RequestEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_desk_RequestEvents_service_desk_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_desk_Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_desk_RequestTransfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FromUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToDepartment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_RequestTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_desk_RequestTransfers_service_desk_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "service_desk_Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_desk_VisitProblems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_desk_VisitProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_desk_VisitProblems_service_desk_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "service_desk_Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_EnterpriseMembers_EnterpriseId",
                table: "service_desk_EnterpriseMembers",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_EnterpriseMembers_UserId",
                table: "service_desk_EnterpriseMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Enterprises_CreditCode",
                table: "service_desk_Enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Enterprises_OrgUnitId",
                table: "service_desk_Enterprises",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_MaterialsNotices_RequestId",
                table: "service_desk_MaterialsNotices",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_RequestEvents_RequestId",
                table: "service_desk_RequestEvents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_CaseId",
                table: "service_desk_Requests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_EnterpriseId_SubmittedAt",
                table: "service_desk_Requests",
                columns: new[] { "EnterpriseId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_FirstResponderId",
                table: "service_desk_Requests",
                column: "FirstResponderId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_Number",
                table: "service_desk_Requests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_OrgUnitId_SubmittedAt",
                table: "service_desk_Requests",
                columns: new[] { "OrgUnitId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_OrgUnitId_Year_SequenceNumber",
                table: "service_desk_Requests",
                columns: new[] { "OrgUnitId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_OwnerId",
                table: "service_desk_Requests",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_RequestTransfers_RequestId",
                table: "service_desk_RequestTransfers",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_VisitProblems_VisitId",
                table: "service_desk_VisitProblems",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Visits_EnterpriseId_VisitedOn",
                table: "service_desk_Visits",
                columns: new[] { "EnterpriseId", "VisitedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_desk_EnterpriseMembers");

            migrationBuilder.DropTable(
                name: "service_desk_MaterialsNotices");

            migrationBuilder.DropTable(
                name: "service_desk_RequestEvents");

            migrationBuilder.DropTable(
                name: "service_desk_RequestTransfers");

            migrationBuilder.DropTable(
                name: "service_desk_VisitProblems");

            migrationBuilder.DropTable(
                name: "service_desk_Requests");

            migrationBuilder.DropTable(
                name: "service_desk_Visits");

            migrationBuilder.DropTable(
                name: "service_desk_Enterprises");
        }
    }
}
