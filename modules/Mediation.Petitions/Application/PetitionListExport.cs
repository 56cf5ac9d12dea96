using System.Runtime.CompilerServices;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Mediation.Petitions.Pages.Petitions;
using Microsoft.Extensions.Options;

namespace Mediation.Petitions.Application;

/// <summary>One ledger row: the petition as the queue lists it, with its petitioners (masked when written).</summary>
internal sealed record PetitionLedgerRow(PetitionSummaryDto Petition, IReadOnlyList<string> Petitioners);

/// <summary>导出台账 of the petition queue (<c>petitions.list</c>), petitioners masked as on the page; streamed, names read per batch.</summary>
internal sealed class PetitionListExport(PetitionListQuery query, PetitionPageQuery names, TextCatalog texts, IOptions<JsonSerializerOptionsHolder> json)
    : ListExport<PetitionListCriteria, PetitionListQuery.Filter, PetitionLedgerRow>(texts, json)
{
    public const string ExportKind = "petitions.list";
    private const int Batch = 500;

    public override string Kind => ExportKind;

    public override string Permission => PetitionsPermissions.Petitions.Read;

    protected override string LedgerName => "信访事项台账";

    protected override Task<PetitionListQuery.Filter> FilterAsync(PetitionListCriteria criteria, CancellationToken ct) => query.FilterAsync(criteria, ct);

    protected override Task<int> CountAsync(PetitionListQuery.Filter filter, CancellationToken ct) => query.CountAsync(filter, ct);

    protected override async IAsyncEnumerable<PetitionLedgerRow> RowsAsync(PetitionListQuery.Filter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<PetitionSummaryDto>(Batch);
        await foreach (var row in query.AllAsync(filter, ct))
        {
            batch.Add(row);
            if (batch.Count < Batch) continue;
            foreach (var named in await NamedAsync(batch, ct)) yield return named;
            batch.Clear();
        }
        foreach (var named in await NamedAsync(batch, ct)) yield return named;
    }

    private async Task<IReadOnlyList<PetitionLedgerRow>> NamedAsync(List<PetitionSummaryDto> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return [];
        var petitioners = await names.PetitionerNamesAsync(batch.Select(p => p.Id).ToList(), ct);
        return batch.Select(p => new PetitionLedgerRow(p, petitioners.GetValueOrDefault(p.Id) ?? [])).ToList();
    }

    protected override IReadOnlyList<ExcelColumn<PetitionLedgerRow>> Columns() =>
    [
        new("信访事项编号", r => r.Petition.Number, Width: 22),
        new("信访形式", r => Label($"PetitionsUi:Channel:{r.Petition.Channel}"), Width: 12),
        new("信访人", r => string.Join("、", r.Petitioners.Select(PetitionDisplay.PersonName)), Width: 20),
        new("信访事项", r => r.Petition.Matter, Width: 40),
        new("状态", r => Label($"PetitionsUi:PetitionStatus:{r.Petition.Status}"), Width: 14),
        new("收到时间", r => r.Petition.ReceivedAt, ExcelExporter.DateTimeFormat, Width: 18),
        new("期限", r => r.Petition.DueAt, ExcelExporter.DateTimeFormat, Width: 18),
        new("期限类别", r => r.Petition.DuePolicy is { } policy ? Label(PetitionDisplay.ClockKey(policy)) : null, Width: 16),
        new("法定期限", r => r.Petition.StatutoryDueDate, ExcelExporter.DateFormat, Width: 12),
    ];
}
