using Mediation.Core.Security;

namespace Mediation.JointMeetings.Domain;

/// <summary>
/// The register (every task of the working groups the requester sees) exported to Excel by a background job; the requester
/// downloads the file when it is done. Scoped by the requester's unit, which is also the scope of the rows.
/// </summary>
public sealed class RegisterExport : IOrgScoped
{
    private RegisterExport() { }

    public RegisterExport(Guid id, Guid orgUnitId, Guid requestedById, string? requestedBy, DateTimeOffset requestedAt)
    {
        Id = id;
        OrgUnitId = orgUnitId;
        RequestedById = requestedById;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt.ToUniversalTime();
        Status = RegisterExportStatus.Queued;
    }

    public Guid Id { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public Guid RequestedById { get; private set; }
    public string? RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public RegisterExportStatus Status { get; private set; }
    public int? RowCount { get; private set; }
    public byte[]? Content { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A job fetched twice (Hangfire may) writes the file again; the result is the same register at a later moment.</summary>
    public void Completed(byte[] content, int rowCount, DateTimeOffset now)
    {
        Content = content;
        RowCount = rowCount;
        CompletedAt = now.ToUniversalTime();
        Status = RegisterExportStatus.Done;
    }
}
