using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Core.Messaging;

internal sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string EventName { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? CorrelationId { get; init; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Marks that a handler has consumed a message; its key makes a second delivery a no-op.</summary>
internal sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string HandlerName { get; init; }
    public DateTimeOffset HandledAt { get; init; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages", MediationDbContext.CoreSchema);
        b.HasKey(m => m.Id);
        b.Property(m => m.EventName).HasMaxLength(200);
        b.Property(m => m.CorrelationId).HasMaxLength(100);
        b.Property(m => m.LockedBy).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(4000);
        b.HasIndex(m => new { m.ProcessedAt, m.OccurredAt });
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("InboxMessages", MediationDbContext.CoreSchema);
        b.HasKey(m => new { m.MessageId, m.HandlerName });
        b.Property(m => m.HandlerName).HasMaxLength(300);
    }
}
