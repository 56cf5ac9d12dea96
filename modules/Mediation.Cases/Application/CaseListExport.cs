using Mediation.Core.Documents.Excel;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Mediation.Cases.Application;

/// <summary>导出台账 of the case list (<c>cases.list</c>); the job runs as the requester, so "mine" and the data scope are his.</summary>
internal sealed class CaseListExport(CaseListQuery query, TextCatalog texts, IOptions<JsonSerializerOptionsHolder> json)
    : ListExport<CaseListCriteria, CaseListFilter, CaseListItemDto>(texts, json)
{
    public const string ExportKind = "cases.list";

    public override string Kind => ExportKind;

    public override string Permission => CasesPermissions.Cases.Read;

    protected override string LedgerName => "调解案件台账";

    protected override Task<CaseListFilter> FilterAsync(CaseListCriteria criteria, CancellationToken ct) => query.FilterAsync(criteria, ct);

    protected override Task<int> CountAsync(CaseListFilter filter, CancellationToken ct) => query.CountAsync(filter, ct);

    protected override IAsyncEnumerable<CaseListItemDto> RowsAsync(CaseListFilter filter, CancellationToken ct) => query.AllAsync(filter, ct);

    protected override IReadOnlyList<ExcelColumn<CaseListItemDto>> Columns() =>
    [
        new("案件编号", c => c.Number, Width: 22),
        new("纠纷类型", c => Label($"CasesUi:DisputeType:{c.DisputeType}"), Width: 16),
        new("当事人", c => string.Join("、", c.Parties.Select(p => Pages.Cases.CaseDisplay.PartyName(p.Kind, p.Name))), Width: 30),
        new("风险等级", c => Label($"CasesUi:RiskGrade:{c.RiskGrade}"), Width: 14),
        new("状态", c => Label($"CasesUi:CaseStatus:{c.Status}"), Width: 10),
        new("调解期限", c => c.DueDate, ExcelExporter.DateFormat, Width: 12),
        new("法定期限", c => c.StatutoryDueDate, ExcelExporter.DateFormat, Width: 12),
        new("登记时间", c => c.RegisteredAt, ExcelExporter.DateTimeFormat, Width: 18),
    ];
}
