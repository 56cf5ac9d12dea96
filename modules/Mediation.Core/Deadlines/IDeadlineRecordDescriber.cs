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
public sealed record DeadlineRecordDescription(string Label, string? Link = null, string? Holder = null);
