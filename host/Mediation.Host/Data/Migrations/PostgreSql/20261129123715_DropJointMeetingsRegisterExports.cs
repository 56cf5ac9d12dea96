using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DropJointMeetingsRegisterExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegisterExports",
                schema: "joint_meetings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegisterExports",
                schema: "joint_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterExports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterExports_RequestedById",
                schema: "joint_meetings",
                table: "RegisterExports",
                column: "RequestedById");
        }
    }
}
