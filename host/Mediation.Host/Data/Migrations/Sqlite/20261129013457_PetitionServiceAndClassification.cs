using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PetitionServiceAndClassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AccusedOrgUnitId",
                table: "petitions_Petitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrievanceRoute",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutedTo",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestionOutcome",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestionReply",
                table: "petitions_Petitions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ServedOn",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceMethod",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServiceRecordedAt",
                table: "petitions_PetitionOpinions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceRecordedBy",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceReference",
                table: "petitions_PetitionOpinions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_petitions_Petitions_AccusedOrgUnitId",
                table: "petitions_Petitions",
                column: "AccusedOrgUnitId");
            // Items accepted before classification existed were handled as petitions on the 60 days: 申诉求决 (六) (信访工作条例 Art. 31).
            migrationBuilder.Sql(@"UPDATE ""petitions_Petitions"" SET ""Category"" = 'Grievance', ""GrievanceRoute"" = 'Handling' WHERE ""Status"" IN ('Accepted', 'HandedOverToMediation', 'Replied', 'UnderReview', 'Reviewed', 'UnderReexamination', 'Reexamined')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_petitions_Petitions_AccusedOrgUnitId",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "AccusedOrgUnitId",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "GrievanceRoute",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "RoutedTo",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "SuggestionOutcome",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "SuggestionReply",
                table: "petitions_Petitions");

            migrationBuilder.DropColumn(
                name: "ServedOn",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceMethod",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceRecordedAt",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceRecordedBy",
                table: "petitions_PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceReference",
                table: "petitions_PetitionOpinions");
        }
    }
}
