using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionGroundsObjectionAnswerAgreementEffective : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MediationAgreementEffectiveOn",
                table: "petitions_Petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NonAcceptanceGround",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TransferObjectionAgreed",
                table: "petitions_Petitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TransferObjectionAnsweredOn",
                table: "petitions_Petitions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MediationAgreementEffectiveOn",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "NonAcceptanceGround",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "TransferObjectionAgreed",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "TransferObjectionAnsweredOn",
                table: "petitions_Petitions");
        }
    }
}
