using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDeskRequestEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EscalatedAt",
                table: "service_desk_Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalatedBy",
                table: "service_desk_Requests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EscalatedToUnitId",
                table: "service_desk_Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalatedToUnitName",
                table: "service_desk_Requests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EscalationAcceptedAt",
                table: "service_desk_Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationReason",
                table: "service_desk_Requests",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HeldByUnitId",
                table: "service_desk_Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_EscalatedToUnitId",
                table: "service_desk_Requests",
                column: "EscalatedToUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_service_desk_Requests_EscalatedToUnitId",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedBy",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedToUnitId",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "EscalatedToUnitName",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "EscalationAcceptedAt",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "EscalationReason",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "HeldByUnitId",
                table: "service_desk_Requests");
        }
    }
}
