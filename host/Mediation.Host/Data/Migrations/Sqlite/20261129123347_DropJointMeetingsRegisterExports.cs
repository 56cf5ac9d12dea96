using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropJointMeetingsRegisterExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "joint_meetings_RegisterExports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "joint_meetings_RegisterExports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_meetings_RegisterExports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_joint_meetings_RegisterExports_RequestedById",
                table: "joint_meetings_RegisterExports",
                column: "RequestedById");
        }
    }
}
