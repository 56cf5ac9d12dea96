using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DocumentScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrgUnitId",
                schema: "core",
                table: "IssuedDocuments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_OrgUnitId",
                schema: "core",
                table: "IssuedDocuments",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_OrgUnitId",
                schema: "core",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "OrgUnitId",
                schema: "core",
                table: "IssuedDocuments");
        }
    }
}
