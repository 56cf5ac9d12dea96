using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeadlineStepNotifiedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NotifiedAt",
                schema: "core",
                table: "DeadlineSteps",
                type: "datetimeoffset",
                nullable: true);

            // The steps recorded before were notified by the sweep that recorded them: none owes a notice.
            migrationBuilder.Sql(@"UPDATE [core].[DeadlineSteps] SET [NotifiedAt] = [RecordedAt]");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineSteps_NotifiedAt",
                schema: "core",
                table: "DeadlineSteps",
                column: "NotifiedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeadlineSteps_NotifiedAt",
                schema: "core",
                table: "DeadlineSteps");

            migrationBuilder.DropColumn(
                name: "NotifiedAt",
                schema: "core",
                table: "DeadlineSteps");
        }
    }
}
