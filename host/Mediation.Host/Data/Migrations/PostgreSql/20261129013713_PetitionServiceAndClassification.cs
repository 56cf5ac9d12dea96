using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PetitionServiceAndClassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AccusedOrgUnitId",
                schema: "petitions",
                table: "Petitions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrievanceRoute",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutedTo",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestionOutcome",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestionReply",
                schema: "petitions",
                table: "Petitions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ServedOn",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceMethod",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ServiceRecordedAt",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceRecordedBy",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceReference",
                schema: "petitions",
                table: "PetitionOpinions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Petitions_AccusedOrgUnitId",
                schema: "petitions",
                table: "Petitions",
                column: "AccusedOrgUnitId");
            // Items accepted before classification existed were handled as petitions on the 60 days: 申诉求决 (六) (信访工作条例 Art. 31).
            migrationBuilder.Sql(@"UPDATE petitions.""Petitions"" SET ""Category"" = 'Grievance', ""GrievanceRoute"" = 'Handling' WHERE ""Status"" IN ('Accepted', 'HandedOverToMediation', 'Replied', 'UnderReview', 'Reviewed', 'UnderReexamination', 'Reexamined')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Petitions_AccusedOrgUnitId",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "AccusedOrgUnitId",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "Category",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "GrievanceRoute",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "RoutedTo",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "SuggestionOutcome",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "SuggestionReply",
                schema: "petitions",
                table: "Petitions");

            migrationBuilder.DropColumn(
                name: "ServedOn",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceMethod",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceRecordedAt",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceRecordedBy",
                schema: "petitions",
                table: "PetitionOpinions");

            migrationBuilder.DropColumn(
                name: "ServiceReference",
                schema: "petitions",
                table: "PetitionOpinions");
        }
    }
}
