using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServiceDeskReopening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FeedbackClockKey",
                schema: "service_desk",
                table: "Requests",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Requests filed before reopenings had their own clock key ran their feedback clock under their own id.
            migrationBuilder.Sql("""UPDATE [service_desk].[Requests] SET [FeedbackClockKey] = [Id];""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeedbackClockKey",
                schema: "service_desk",
                table: "Requests");
        }
    }
}
