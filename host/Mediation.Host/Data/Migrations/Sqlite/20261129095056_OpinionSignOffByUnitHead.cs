using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpinionSignOffByUnitHead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A permission added in this release: a database whose roles were seeded before it gets the default grant once
            // (a fresh database gets it when its roles are created, after the migrations).
            migrationBuilder.Sql("INSERT INTO \"core_RolePermissions\" (\"RoleId\", \"Permission\") SELECT r.\"Id\", 'Petitions.Opinions.SignOffAsUnitHead' FROM \"core_Roles\" r WHERE r.\"Name\" = 'UnitHead' AND NOT EXISTS (SELECT 1 FROM \"core_RolePermissions\" g WHERE g.\"RoleId\" = r.\"Id\" AND g.\"Permission\" = 'Petitions.Opinions.SignOffAsUnitHead');");

            migrationBuilder.AlterColumn<long>(
                name: "IssuedAt",
                table: "petitions_PetitionOpinions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<Guid>(
                name: "IssuingOrgUnitId",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReturnedAt",
                table: "petitions_PetitionOpinions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedOffBy",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedOffByName",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Issued");

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "petitions_PetitionOpinions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IssuingOrgUnitId",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ReturnedAt",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ReturnedBy",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "SignedOffBy",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "SignedOffByName",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "petitions_PetitionOpinions");

            migrationBuilder.AlterColumn<long>(
                name: "IssuedAt",
                table: "petitions_PetitionOpinions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
