using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddDeskRequestPetitionHandOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PetitionId",
                schema: "service_desk",
                table: "Requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PetitionNumber",
                schema: "service_desk",
                table: "Requests",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_PetitionId",
                schema: "service_desk",
                table: "Requests",
                column: "PetitionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_PetitionId",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PetitionId",
                schema: "service_desk",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PetitionNumber",
                schema: "service_desk",
                table: "Requests");
        }
    }
}
