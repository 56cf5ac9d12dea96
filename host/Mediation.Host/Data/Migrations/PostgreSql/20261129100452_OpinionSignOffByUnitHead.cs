using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OpinionSignOffByUnitHead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A permission added in this release: a database whose roles were seeded before it gets the default grant once
            // (a fresh database gets it when its roles are created, after the migrations).
            migrationBuilder.Sql("INSERT INTO core.\"RolePermissions\" (\"RoleId\", \"Permission\") SELECT r.\"Id\", 'Petitions.Opinions.SignOffAsUnitHead' FROM core.\"Roles\" r WHERE r.\"Name\" = 'UnitHead' AND NOT EXISTS (SELECT 1 FROM core.\"RolePermissions\" g WHERE g.\"RoleId\" = r.\"Id\" AND g.\"Permission\" = 'Petitions.Opinions.SignOffAsUnitHead');");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "IssuedAt",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<Guid>(
                name: "IssuingOrgUnitId",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReturnedAt",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedBy",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedOffBy",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedOffByName",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Issued");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IssuingOrgUnitId",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ReturnedAt",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ReturnedBy",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "SignedOffBy",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "SignedOffByName",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "State",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "IssuedAt",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
