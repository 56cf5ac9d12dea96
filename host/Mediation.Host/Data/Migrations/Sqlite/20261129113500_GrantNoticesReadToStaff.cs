using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <summary>
    /// Data only (no model change, so no target model): the permission Core.Notices.Read, added in this release, is granted once
    /// to every staff role of a database seeded before it; a fresh database gets it when its roles are created, after the migrations.
    /// </summary>
    [DbContext(typeof(SqliteMediationDbContext))]
    [Migration("20261129113500_GrantNoticesReadToStaff")]
    public partial class GrantNoticesReadToStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("INSERT INTO \"core_RolePermissions\" (\"RoleId\", \"Permission\") SELECT r.\"Id\", 'Core.Notices.Read' FROM \"core_Roles\" r WHERE r.\"Name\" <> 'EnterpriseUser' AND NOT EXISTS (SELECT 1 FROM \"core_RolePermissions\" g WHERE g.\"RoleId\" = r.\"Id\" AND g.\"Permission\" = 'Core.Notices.Read');");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DELETE FROM \"core_RolePermissions\" WHERE \"Permission\" = 'Core.Notices.Read';");
    }
}
