using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineStepNotifiedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NotifiedAt",
                table: "core_DeadlineSteps",
                type: "INTEGER",
                nullable: true);

            // The steps recorded before were notified by the sweep that recorded them: none owes a notice.
            migrationBuilder.Sql(@"UPDATE ""core_DeadlineSteps"" SET ""NotifiedAt"" = ""RecordedAt""");

            migrationBuilder.CreateIndex(
                name: "IX_core_DeadlineSteps_NotifiedAt",
                table: "core_DeadlineSteps",
                column: "NotifiedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_DeadlineSteps_NotifiedAt",
                table: "core_DeadlineSteps");

            migrationBuilder.DropColumn(
                name: "NotifiedAt",
                table: "core_DeadlineSteps");
        }
    }
}
