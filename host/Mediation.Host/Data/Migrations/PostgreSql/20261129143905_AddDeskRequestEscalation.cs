using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddDeskRequestEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedAt",
                schema: "service_desk",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalatedBy",
                schema: "service_desk",
                table: "Requests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EscalatedToUnitId",
                schema: "service_desk",
                table: "Requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalatedToUnitName",
                schema: "service_desk",
                table: "Requests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalationAcceptedAt",
                schema: "service_desk",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationReason",
                schema: "service_desk",
                table: "Requests",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HeldByUnitId",
                schema: "service_desk",
                table: "Requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_EscalatedToUnitId",
                schema: "service_desk",
                table: "Requests",
                column: "EscalatedToUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_EscalatedToUnitId",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedBy",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedToUnitId",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedToUnitName",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EscalationAcceptedAt",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EscalationReason",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "HeldByUnitId",
                schema: "service_desk",
                table: "Requests");
        }
    }
}
