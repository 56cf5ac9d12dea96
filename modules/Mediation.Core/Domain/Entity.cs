namespace Mediation.Core.Domain;

public abstract class Entity<TKey>
    where TKey : notnull
{
    public TKey Id { get; protected set; } = default!;
}

/// <summary>
/// A consistency boundary. <see cref="ConcurrencyStamp"/> changes on every save; a writer that
/// read an older stamp gets a conflict instead of silently overwriting someone else's change.
/// </summary>
public abstract class AggregateRoot<TKey> : Entity<TKey>, IHasConcurrencyStamp
    where TKey : notnull
{
    public string ConcurrencyStamp { get; set; } = ConcurrencyStamps.New();
}

public static class ConcurrencyStamps
{
    public static string New() => Guid.NewGuid().ToString("N");
}

public interface IHasConcurrencyStamp
{
    string ConcurrencyStamp { get; set; }
}
