using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDeskRequestPetitionHandOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PetitionId",
                table: "service_desk_Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PetitionNumber",
                table: "service_desk_Requests",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_desk_Requests_PetitionId",
                table: "service_desk_Requests",
                column: "PetitionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_service_desk_Requests_PetitionId",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "PetitionId",
                table: "service_desk_Requests");

            migrationBuilder.DropColumn(
                name: "PetitionNumber",
                table: "service_desk_Requests");
        }
    }
}
