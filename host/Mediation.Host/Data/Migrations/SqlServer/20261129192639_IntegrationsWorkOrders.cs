using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IntegrationsWorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "integrations");

            migrationBuilder.CreateTable(
                name: "Systems",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ApiKeyPrefix = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ApiKeyHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CallbackSecretCipher = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CallbackUrl = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Systems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SystemScopeUnits",
                schema: "integrations",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SystemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemScopeUnits", x => new { x.SystemId, x.OrgUnitId });
                    table.ForeignKey(
                        name: "FK_SystemScopeUnits_Systems_SystemId",
                        column: x => x.SystemId,
                        principalSchema: "integrations",
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrders",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SystemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    CallerName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    CallerPhoneMasked = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CallerPhoneCipher = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CallerPhoneHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrgUnitCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrders_Systems_SystemId",
                        column: x => x.SystemId,
                        principalSchema: "integrations",
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallbackDeliveries",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SystemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", maxLength: 12000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Abandoned = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallbackDeliveries_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalSchema: "integrations",
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallbackAttempts",
                schema: "integrations",
                columns: table => new
                {
                    Number = table.Column<int>(type: "int", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    NextRetryAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackAttempts", x => new { x.DeliveryId, x.Number });
                    table.ForeignKey(
                        name: "FK_CallbackAttempts_CallbackDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalSchema: "integrations",
                        principalTable: "CallbackDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackDeliveries_DeliveredAt_NextAttemptAt",
                schema: "integrations",
                table: "CallbackDeliveries",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackDeliveries_SystemId_CreatedAt",
                schema: "integrations",
                table: "CallbackDeliveries",
                columns: new[] { "SystemId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackDeliveries_WorkOrderId_Stage",
                schema: "integrations",
                table: "CallbackDeliveries",
                columns: new[] { "WorkOrderId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Systems_ApiKeyHash",
                schema: "integrations",
                table: "Systems",
                column: "ApiKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Systems_Name",
                schema: "integrations",
                table: "Systems",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Kind_RecordId",
                schema: "integrations",
                table: "WorkOrders",
                columns: new[] { "Kind", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_SystemId_Number",
                schema: "integrations",
                table: "WorkOrders",
                columns: new[] { "SystemId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallbackAttempts",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "SystemScopeUnits",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "CallbackDeliveries",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "WorkOrders",
                schema: "integrations");

            migrationBuilder.DropTable(
                name: "Systems",
                schema: "integrations");
        }
    }
}
