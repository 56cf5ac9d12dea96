namespace Mediation.Core.Deadlines;

/// <summary>
/// How a module that starts clocks names its records to the kernel, so that reminders and escalations say
/// "信访事项泰山信〔2026〕12号" instead of a record type and an id. Register one per module
/// (<c>services.AddScoped&lt;IDeadlineRecordDescriber, …&gt;()</c>); the sweep asks the describer whose
/// <see cref="RecordTypes"/> contain the clock's record type, once per sweep for all ids of that type.
/// It runs outside any request (no data scope), so it reads only what a notice may print.
/// </summary>
public interface IDeadlineRecordDescriber
{
    /// <summary>The <see cref="Application.StartClockInput"/> record types this module starts clocks for.</summary>
    IReadOnlyCollection<string> RecordTypes { get; }

    /// <summary>The records it still knows; an id left out is printed without a name (never as an id).</summary>
    Task<IReadOnlyDictionary<Guid, DeadlineRecordDescription>> DescribeAsync(string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct);
}

/// <param name="Label">Kind and number as an official writes it: "信访事项泰山信〔2026〕12号", "调解案件泰山调〔2026〕3号".</param>
/// <param name="Link">The page (or API path) where the record is handled, relative to the site root; null when there is none.</param>
/// <param name="Holder">Who holds the record (承办人, 调解员, 牵头单位), as a person reads it; null when nobody is named.</param>
/// <param name="OrgUnitId">The unit the record belongs to, and <paramref name="ReadPermission"/> the permission its page needs: a page that
/// points to the record links it only for a reader who may open it (<see cref="IRecordReferences"/>). Describe records whatever the caller's
/// data scope (<c>IgnoreQueryFilters</c>); the kernel applies it.</param>
public sealed record DeadlineRecordDescription(string Label, string? Link = null, string? Holder = null, Guid? OrgUnitId = null,
    string? ReadPermission = null);

/// <summary>
/// How a page names a record of another module it points to (a case's source petition, an agenda item's case): kind and number with a
/// link when the reader may open it, otherwise only who handles it ("由泰山区信访局办理") — never an id.
/// </summary>
public interface IRecordReferences
{
    Task<IReadOnlyDictionary<Guid, RecordReference>> DescribeAsync(string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct);
}

/// <param name="Text">"信访事项泰山信〔2026〕12号", or "由泰山区信访局办理" for a reader who may not open it.</param>
/// <param name="Link">The record's page, when the reader may open it.</param>
public sealed record RecordReference(string Text, string? Link);
