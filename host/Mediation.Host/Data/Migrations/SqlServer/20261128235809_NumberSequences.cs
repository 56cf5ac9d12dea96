using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NumberSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NumberSequences",
                schema: "core",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    IssuerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastValue = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => new { x.Kind, x.IssuerId, x.Year });
                });

            // The numbering carries on where the two module counters left off.
            migrationBuilder.Sql(@"INSERT INTO [core].[NumberSequences] ([Kind], [IssuerId], [Year], [LastValue]) SELECT 'cases.case', [CommitteeId], [Year], [LastSequence] FROM [cases].[CaseNumberCounters]; INSERT INTO [core].[NumberSequences] ([Kind], [IssuerId], [Year], [LastValue]) SELECT 'petitions.petition', [OrgUnitId], [Year], [LastSequence] FROM [petitions].[PetitionNumberCounters];");

            migrationBuilder.DropTable(
                name: "CaseNumberCounters",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "PetitionNumberCounters",
                schema: "petitions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseNumberCounters",
                schema: "cases",
                columns: table => new
                {
                    CommitteeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastSequence = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => new { x.CommitteeId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "PetitionNumberCounters",
                schema: "petitions",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastSequence = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PetitionNumberCounters", x => new { x.OrgUnitId, x.Year });
                });

            migrationBuilder.Sql(@"INSERT INTO [cases].[CaseNumberCounters] ([CommitteeId], [Year], [LastSequence]) SELECT [IssuerId], [Year], [LastValue] FROM [core].[NumberSequences] WHERE [Kind] = 'cases.case'; INSERT INTO [petitions].[PetitionNumberCounters] ([OrgUnitId], [Year], [LastSequence]) SELECT [IssuerId], [Year], [LastValue] FROM [core].[NumberSequences] WHERE [Kind] = 'petitions.petition';");

            migrationBuilder.DropTable(
                name: "NumberSequences",
                schema: "core");
        }
    }
}
