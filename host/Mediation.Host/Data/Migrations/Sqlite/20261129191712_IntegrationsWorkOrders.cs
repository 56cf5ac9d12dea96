using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntegrationsWorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integrations_Systems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApiKeyPrefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApiKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CallbackSecretCipher = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrations_Systems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "integrations_SystemScopeUnits",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrations_SystemScopeUnits", x => new { x.SystemId, x.OrgUnitId });
                    table.ForeignKey(
                        name: "FK_integrations_SystemScopeUnits_integrations_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "integrations_Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "integrations_WorkOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CallerPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CallerPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallerPhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrations_WorkOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_integrations_WorkOrders_integrations_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "integrations_Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "integrations_CallbackDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Abandoned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrations_CallbackDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_integrations_CallbackDeliveries_integrations_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "integrations_WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "integrations_CallbackAttempts",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextRetryAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integrations_CallbackAttempts", x => new { x.DeliveryId, x.Number });
                    table.ForeignKey(
                        name: "FK_integrations_CallbackAttempts_integrations_CallbackDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "integrations_CallbackDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_integrations_CallbackDeliveries_DeliveredAt_NextAttemptAt",
                table: "integrations_CallbackDeliveries",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_integrations_CallbackDeliveries_SystemId_CreatedAt",
                table: "integrations_CallbackDeliveries",
                columns: new[] { "SystemId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_integrations_CallbackDeliveries_WorkOrderId_Stage",
                table: "integrations_CallbackDeliveries",
                columns: new[] { "WorkOrderId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integrations_Systems_ApiKeyHash",
                table: "integrations_Systems",
                column: "ApiKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integrations_Systems_Name",
                table: "integrations_Systems",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integrations_WorkOrders_Kind_RecordId",
                table: "integrations_WorkOrders",
                columns: new[] { "Kind", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_integrations_WorkOrders_SystemId_Number",
                table: "integrations_WorkOrders",
                columns: new[] { "SystemId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integrations_CallbackAttempts");

            migrationBuilder.DropTable(
                name: "integrations_SystemScopeUnits");

            migrationBuilder.DropTable(
                name: "integrations_CallbackDeliveries");

            migrationBuilder.DropTable(
                name: "integrations_WorkOrders");

            migrationBuilder.DropTable(
                name: "integrations_Systems");
        }
    }
}
