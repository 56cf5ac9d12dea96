using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseTimelineSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_CaseEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_CaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_CaseEvents_cases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseEvents_CaseId_Sequence",
                table: "cases_CaseEvents",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            // Cases registered before the log existed get their history back in the order it was recorded: by time, and within the
            // same instant registration, assessment, session, conclusion, agreement, signing, application, decision; the steps after
            // the conclusion follow it in that order whatever time was typed for them.
            migrationBuilder.Sql(@"INSERT INTO ""cases_CaseEvents"" (""CaseId"", ""Sequence"", ""Kind"", ""At"", ""Actor"", ""Detail"")
SELECT ""CaseId"", ROW_NUMBER() OVER (PARTITION BY ""CaseId"" ORDER BY ""OrderAt"", ""Rank"", ""SourceId""), ""Kind"", ""At"", ""Actor"", ""Detail"" FROM (
  SELECT c.""Id"" AS ""CaseId"", 'Registered' AS ""Kind"", c.""RegisteredAt"" AS ""At"", c.""RegisteredAt"" AS ""OrderAt"", CAST(NULL AS varchar(256)) AS ""Actor"", CAST(NULL AS varchar(500)) AS ""Detail"", 0 AS ""Rank"", 0 AS ""SourceId"" FROM ""cases_Cases"" c
  UNION ALL SELECT r.""CaseId"", 'RiskAssessed', r.""AssessedAt"", r.""AssessedAt"", r.""AssessedBy"", r.""Reason"", 1, r.""Id"" FROM ""cases_CaseRiskAssessments"" r
  UNION ALL SELECT s.""CaseId"", 'Session', s.""HeldAt"", s.""RecordedAt"", s.""RecordedBy"", s.""Place"", 2, s.""Id"" FROM ""cases_CaseSessions"" s
  UNION ALL SELECT k.""CaseId"", 'TermContinued', k.""RecordedAt"", k.""RecordedAt"", k.""RecordedBy"", k.""NewDueDate"", 2, k.""Id"" FROM ""cases_CaseTermContinuations"" k
  UNION ALL SELECT c.""Id"", 'Concluded', c.""ConcludedAt"", c.""ConcludedAt"", c.""ConcludedBy"", c.""Outcome"", 3, 0 FROM ""cases_Cases"" c WHERE c.""ConcludedAt"" IS NOT NULL
  UNION ALL SELECT c.""Id"", 'AgreementIssued', d.""IssuedAt"", c.""ConcludedAt"", d.""IssuedBy"", d.""Number"", 4, 0 FROM ""cases_Cases"" c JOIN ""core_IssuedDocuments"" d ON d.""Id"" = c.""AgreementDocumentId"" WHERE c.""ConcludedAt"" IS NOT NULL
  UNION ALL SELECT c.""Id"", 'AgreementSigned', c.""AgreementSignedAt"", c.""ConcludedAt"", NULL, NULL, 5, 0 FROM ""cases_Cases"" c WHERE c.""AgreementSignedAt"" IS NOT NULL AND c.""ConcludedAt"" IS NOT NULL
  UNION ALL SELECT c.""Id"", 'JudicialApplied', (CAST(round((julianday(c.""JudicialAppliedOn"") - 1721425.5) * 86400) AS INTEGER) - 28800) * 20480000, c.""ConcludedAt"", NULL, c.""CourtName"", 6, 0 FROM ""cases_Cases"" c WHERE c.""JudicialAppliedOn"" IS NOT NULL AND c.""ConcludedAt"" IS NOT NULL
  UNION ALL SELECT c.""Id"", 'CourtDecision', (CAST(round((julianday(c.""CourtDecidedOn"") - 1721425.5) * 86400) AS INTEGER) - 28800) * 20480000, c.""ConcludedAt"", NULL, c.""CourtDecision"", 7, 0 FROM ""cases_Cases"" c WHERE c.""CourtDecidedOn"" IS NOT NULL AND c.""ConcludedAt"" IS NOT NULL
  UNION ALL SELECT c.""Id"", 'Reopened', c.""ReopenedAt"", c.""ReopenedAt"", NULL, NULL, 8, 0 FROM ""cases_Cases"" c WHERE c.""ReopenedAt"" IS NOT NULL
) h;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_CaseEvents");
        }
    }
}
