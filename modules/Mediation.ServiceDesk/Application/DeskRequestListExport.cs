using Mediation.Core.Documents.Excel;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Mediation.ServiceDesk.Pages.ServiceDesk;
using Microsoft.Extensions.Options;

namespace Mediation.ServiceDesk.Application;

/// <summary>导出台账 of the desk's queue (<c>service-desk.list</c>): exactly the requests the queue lists for the same criteria, in its order.</summary>
internal sealed class DeskRequestListExport(DeskRequestListQuery query, TextCatalog texts, IOptions<JsonSerializerOptionsHolder> json)
    : ListExport<DeskRequestListCriteria, DeskRequestListQuery.Filter, DeskRequestSummaryDto>(texts, json)
{
    public const string ExportKind = "service-desk.list";

    public override string Kind => ExportKind;

    public override string Permission => ServiceDeskPermissions.Desk.Read;

    protected override string LedgerName => "接诉即办诉求台账";

    protected override Task<DeskRequestListQuery.Filter> FilterAsync(DeskRequestListCriteria criteria, CancellationToken ct) => query.FilterAsync(criteria, ct);

    protected override Task<int> CountAsync(DeskRequestListQuery.Filter filter, CancellationToken ct) => query.CountAsync(filter, ct);

    protected override IAsyncEnumerable<DeskRequestSummaryDto> RowsAsync(DeskRequestListQuery.Filter filter, CancellationToken ct) => query.AllAsync(filter, ct);

    protected override IReadOnlyList<ExcelColumn<DeskRequestSummaryDto>> Columns() =>
    [
        new("诉求编号", r => r.Number, Width: 22),
        new("企业", r => r.EnterpriseName, Width: 28),
        new("诉求类型", r => Label(DeskDisplay.KindKey(r.Kind)) + (r.Urgent ? "（" + Label("ServiceDeskUi:Urgent") + "）" : ""), Width: 16),
        new("诉求标题", r => r.Title, Width: 36),
        new("状态", r => Label(DeskDisplay.StatusKey(r.Status)), Width: 12),
        new("承办人", r => r.OwnerName, Width: 14),
        new("首接人", r => r.FirstResponderName, Width: 14),
        new("提交时间", r => r.SubmittedAt, ExcelExporter.DateTimeFormat, Width: 18),
        new("期限", r => r.DueAt, ExcelExporter.DateTimeFormat, Width: 18),
        new("超期", r => r.Overdue ? "是" : "否", Width: 8),
    ];
}
