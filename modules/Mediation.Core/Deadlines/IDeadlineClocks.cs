using Mediation.Core.Deadlines.Application;

namespace Mediation.Core.Deadlines;

/// <summary>
/// The deadline engine as other modules use it: a record (type + id, owned by an org unit) starts
/// a clock under a named policy, pauses, resumes, extends and stops it. No module computes a due
/// date by hand. Each call saves its own change.
/// </summary>
public interface IDeadlineClocks
{
    Task<DeadlineClockDto> StartAsync(StartClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> PauseAsync(Guid clockId, PauseClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> ResumeAsync(Guid clockId, ResumeClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> ExtendAsync(Guid clockId, ExtendClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> StopAsync(Guid clockId, StopClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> GetAsync(Guid clockId, CancellationToken ct);

    Task<IReadOnlyList<DeadlineClockDto>> ForRecordAsync(string recordType, Guid recordId, CancellationToken ct);

    /// <summary>Preview without a clock: when would a period under <paramref name="policy"/> started at <paramref name="start"/> end.</summary>
    Task<DueDto> PreviewAsync(string policy, DateTimeOffset start, CancellationToken ct);
}
