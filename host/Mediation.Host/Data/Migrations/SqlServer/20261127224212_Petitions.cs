using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Petitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "petitions");

            migrationBuilder.CreateTable(
                name: "PetitionNumberCounters",
                schema: "petitions",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastSequence = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionNumberCounters", x => new { x.OrgUnitId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Petitions",
                schema: "petitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    SequenceNumber = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    FiledOnBehalfOfCaller = table.Column<bool>(type: "bit", nullable: false),
                    TransferKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    TransferringBody = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    TransferReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Matter = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RequestedOutcome = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    RepeatOfPetitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HandledBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    HandlingPaused = table.Column<bool>(type: "bit", nullable: false),
                    ExtensionDays = table.Column<int>(type: "int", nullable: false),
                    ExtensionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    JointMeetingRequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    MediationCaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Petitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Petitions_Petitions_RepeatOfPetitionId",
                        column: x => x.RepeatOfPetitionId,
                        principalSchema: "petitions",
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PetitionAttachments",
                schema: "petitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PetitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionAttachments_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalSchema: "petitions",
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Petitioners",
                schema: "petitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IdCardMasked = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    IdCardCipher = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    IdCardHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    PetitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Petitioners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Petitioners_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalSchema: "petitions",
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PetitionEvents",
                schema: "petitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    PetitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionEvents_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalSchema: "petitions",
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PetitionNotices",
                schema: "petitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PetitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionNotices_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalSchema: "petitions",
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PetitionOpinions",
                schema: "petitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Request = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    FactsAndReasons = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    LegalBasis = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    IssuedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PetitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PetitionOpinions_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalSchema: "petitions",
                        principalTable: "Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PetitionAttachments_OrgUnitId",
                schema: "petitions",
                table: "PetitionAttachments",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionAttachments_PetitionId",
                schema: "petitions",
                table: "PetitionAttachments",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Petitioners_IdCardHash",
                schema: "petitions",
                table: "Petitioners",
                column: "IdCardHash");

            migrationBuilder.CreateIndex(
                name: "IX_Petitioners_PetitionId",
                schema: "petitions",
                table: "Petitioners",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Petitioners_PhoneHash",
                schema: "petitions",
                table: "Petitioners",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_PetitionEvents_PetitionId_Sequence",
                schema: "petitions",
                table: "PetitionEvents",
                columns: new[] { "PetitionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PetitionNotices_PetitionId_Sequence",
                schema: "petitions",
                table: "PetitionNotices",
                columns: new[] { "PetitionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PetitionOpinions_PetitionId",
                schema: "petitions",
                table: "PetitionOpinions",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_Number",
                schema: "petitions",
                table: "Petitions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_OrgUnitId_Status",
                schema: "petitions",
                table: "Petitions",
                columns: new[] { "OrgUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_OrgUnitId_Year_SequenceNumber",
                schema: "petitions",
                table: "Petitions",
                columns: new[] { "OrgUnitId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_RepeatOfPetitionId",
                schema: "petitions",
                table: "Petitions",
                column: "RepeatOfPetitionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PetitionAttachments",
                schema: "petitions");

            migrationBuilder.DropTable(
                name: "Petitioners",
                schema: "petitions");

            migrationBuilder.DropTable(
                name: "PetitionEvents",
                schema: "petitions");

            migrationBuilder.DropTable(
                name: "PetitionNotices",
                schema: "petitions");

            migrationBuilder.DropTable(
                name: "PetitionNumberCounters",
                schema: "petitions");

            migrationBuilder.DropTable(
                name: "PetitionOpinions",
                schema: "petitions");

            migrationBuilder.DropTable(
                name: "Petitions",
                schema: "petitions");
        }
    }
}
