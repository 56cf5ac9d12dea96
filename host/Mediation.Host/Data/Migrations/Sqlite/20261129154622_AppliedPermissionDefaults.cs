using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <summary>Records which permissions' default grants this database has had (see PermissionsBeforeAppliedDefaults).</summary>
    public partial class AppliedPermissionDefaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_AppliedPermissionDefaults",
                columns: table => new
                {
                    Permission = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_AppliedPermissionDefaults", x => x.Permission);
                });

            migrationBuilder.InsertData(
                table: "core_AppliedPermissionDefaults",
                column: "Permission",
                values: PermissionsBeforeAppliedDefaults.Names);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_AppliedPermissionDefaults");
        }
    }
}
