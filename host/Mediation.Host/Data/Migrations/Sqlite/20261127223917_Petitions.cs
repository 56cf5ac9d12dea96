using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Petitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "petitions_PetitionNumberCounters",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_PetitionNumberCounters", x => new { x.OrgUnitId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "petitions_Petitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SequenceNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FiledOnBehalfOfCaller = table.Column<bool>(type: "INTEGER", nullable: false),
                    TransferKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TransferringBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TransferReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RepeatOfPetitionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HandlingPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    JointMeetingRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MediationCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_Petitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petitions_Petitions_petitions_Petitions_RepeatOfPetitionId",
                        column: x => x.RepeatOfPetitionId,
                        principalTable: "petitions_Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "petitions_PetitionAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PetitionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_PetitionAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petitions_PetitionAttachments_petitions_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petitions_Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "petitions_Petitioners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdCardMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IdCardCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdCardHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PetitionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_Petitioners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petitions_Petitioners_petitions_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petitions_Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petitions_PetitionEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PetitionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_PetitionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petitions_PetitionEvents_petitions_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petitions_Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petitions_PetitionNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PetitionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_PetitionNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petitions_PetitionNotices_petitions_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petitions_Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "petitions_PetitionOpinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FactsAndReasons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PetitionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_PetitionOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petitions_PetitionOpinions_petitions_Petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petitions_Petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_petitions_PetitionAttachments_OrgUnitId",
                table: "petitions_PetitionAttachments",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_PetitionAttachments_PetitionId",
                table: "petitions_PetitionAttachments",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitioners_IdCardHash",
                table: "petitions_Petitioners",
                column: "IdCardHash");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitioners_PetitionId",
                table: "petitions_Petitioners",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitioners_PhoneHash",
                table: "petitions_Petitioners",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_PetitionEvents_PetitionId_Sequence",
                table: "petitions_PetitionEvents",
                columns: new[] { "PetitionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_petitions_PetitionNotices_PetitionId_Sequence",
                table: "petitions_PetitionNotices",
                columns: new[] { "PetitionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_petitions_PetitionOpinions_PetitionId",
                table: "petitions_PetitionOpinions",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitions_Number",
                table: "petitions_Petitions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitions_OrgUnitId_Status",
                table: "petitions_Petitions",
                columns: new[] { "OrgUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitions_OrgUnitId_Year_SequenceNumber",
                table: "petitions_Petitions",
                columns: new[] { "OrgUnitId", "Year", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitions_RepeatOfPetitionId",
                table: "petitions_Petitions",
                column: "RepeatOfPetitionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "petitions_PetitionAttachments");

            migrationBuilder.DropTable(
                name: "petitions_Petitioners");

            migrationBuilder.DropTable(
                name: "petitions_PetitionEvents");

            migrationBuilder.DropTable(
                name: "petitions_PetitionNotices");

            migrationBuilder.DropTable(
                name: "petitions_PetitionNumberCounters");

            migrationBuilder.DropTable(
                name: "petitions_PetitionOpinions");

            migrationBuilder.DropTable(
                name: "petitions_Petitions");
        }
    }
}
