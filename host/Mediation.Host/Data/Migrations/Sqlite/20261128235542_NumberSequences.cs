using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NumberSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_NumberSequences",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastValue = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_NumberSequences", x => new { x.Kind, x.IssuerId, x.Year });
                });

            // The numbering carries on where the two module counters left off.
            migrationBuilder.Sql(@"INSERT INTO ""core_NumberSequences"" (""Kind"", ""IssuerId"", ""Year"", ""LastValue"") SELECT 'cases.case', ""CommitteeId"", ""Year"", ""LastSequence"" FROM ""cases_CaseNumberCounters""; INSERT INTO ""core_NumberSequences"" (""Kind"", ""IssuerId"", ""Year"", ""LastValue"") SELECT 'petitions.petition', ""OrgUnitId"", ""Year"", ""LastSequence"" FROM ""petitions_PetitionNumberCounters"";");

            migrationBuilder.DropTable(
                name: "cases_CaseNumberCounters");

            migrationBuilder.DropTable(
                name: "petitions_PetitionNumberCounters");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_CaseNumberCounters",
                columns: table => new
                {
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseNumberCounters", x => new { x.CommitteeId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "petitions_PetitionNumberCounters",
                columns: table => new
                {
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions_PetitionNumberCounters", x => new { x.OrgUnitId, x.Year });
                });

            migrationBuilder.Sql(@"INSERT INTO ""cases_CaseNumberCounters"" (""CommitteeId"", ""Year"", ""LastSequence"") SELECT ""IssuerId"", ""Year"", ""LastValue"" FROM ""core_NumberSequences"" WHERE ""Kind"" = 'cases.case'; INSERT INTO ""petitions_PetitionNumberCounters"" (""OrgUnitId"", ""Year"", ""LastSequence"") SELECT ""IssuerId"", ""Year"", ""LastValue"" FROM ""core_NumberSequences"" WHERE ""Kind"" = 'petitions.petition';");

            migrationBuilder.DropTable(
                name: "core_NumberSequences");
        }
    }
}
