using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrgUnitId",
                table: "core_IssuedDocuments",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_core_IssuedDocuments_OrgUnitId",
                table: "core_IssuedDocuments",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_IssuedDocuments_OrgUnitId",
                table: "core_IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "OrgUnitId",
                table: "core_IssuedDocuments");
        }
    }
}
