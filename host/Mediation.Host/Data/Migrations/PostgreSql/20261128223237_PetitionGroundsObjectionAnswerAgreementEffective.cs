using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PetitionGroundsObjectionAnswerAgreementEffective : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MediationAgreementEffectiveOn",
                schema: "petitions",
                table: "Petitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NonAcceptanceGround",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TransferObjectionAgreed",
                schema: "petitions",
                table: "Petitions",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TransferObjectionAnsweredOn",
                schema: "petitions",
                table: "Petitions",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MediationAgreementEffectiveOn",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "NonAcceptanceGround",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "TransferObjectionAgreed",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "TransferObjectionAnsweredOn",
                schema: "petitions",
                table: "Petitions");
        }
    }
}
