using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <summary>Records which permissions' default grants this database has had (see PermissionsBeforeAppliedDefaults).</summary>
    public partial class AppliedPermissionDefaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppliedPermissionDefaults",
                schema: "core",
                columns: table => new
                {
                    Permission = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppliedPermissionDefaults", x => x.Permission);
                });

            migrationBuilder.InsertData(
                table: "AppliedPermissionDefaults",
                schema: "core",
                column: "Permission",
                values: PermissionsBeforeAppliedDefaults.Names);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedPermissionDefaults",
                schema: "core");
        }
    }
}
