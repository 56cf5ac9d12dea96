using Mediation.Core.Documents.Excel;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Mediation.LegalWindows.Application;

/// <summary>导出台账 of the service list (<c>legal-windows.list</c>): exactly the services the list shows for the same criteria, in its order.</summary>
internal sealed class ServiceRecordListExport(ServiceRecordListQuery query, TextCatalog texts, IOptions<JsonSerializerOptionsHolder> json)
    : ListExport<ServiceRecordListCriteria, ServiceRecordListQuery.Filter, ServiceRecordSummaryDto>(texts, json)
{
    public const string ExportKind = "legal-windows.list";

    public override string Kind => ExportKind;

    public override string Permission => LegalWindowsPermissions.Services.Ledger;

    protected override string LedgerName => "法律服务记录台账";

    protected override Task<ServiceRecordListQuery.Filter> FilterAsync(ServiceRecordListCriteria criteria, CancellationToken ct) => query.FilterAsync(criteria, ct);

    protected override Task<int> CountAsync(ServiceRecordListQuery.Filter filter, CancellationToken ct) => query.CountAsync(filter, ct);

    protected override IAsyncEnumerable<ServiceRecordSummaryDto> RowsAsync(ServiceRecordListQuery.Filter filter, CancellationToken ct) =>
        query.AllAsync(filter, ct);

    protected override IReadOnlyList<ExcelColumn<ServiceRecordSummaryDto>> Columns() =>
    [
        new("服务编号", r => r.Number, Width: 22),
        new("服务时间", r => r.ServedAt, ExcelExporter.DateTimeFormat, Width: 18),
        new("服务类别", r => Label($"LegalWindowsUi:Kind:{r.Kind}"), Width: 12),
        new("服务窗口", r => r.WindowName, Width: 24),
        new("服务对象", r => r.PersonName, Width: 14),
        new("事项", r => r.Matter, Width: 40),
        new("法律顾问", r => r.AdvisorName, Width: 14),
        new("代办状态", r => r.ErrandStatus is { } s ? Label($"LegalWindowsUi:ErrandStatus:{s}") : null, Width: 12),
        new("转交调解", r => r.CaseId is null ? "否" : "是", Width: 10),
    ];
}
