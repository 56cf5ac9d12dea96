namespace Mediation.Core.Data;

/// <summary>
/// One page of a read over every record in the database's order of ids (a recount's): <see cref="Rows"/> of the records in
/// (after, <see cref="Last"/>] that give one, <see cref="Read"/> records read (a record that gives no row is read too) and the last id
/// read, the next page's start; <see cref="Last"/> is null once there is no record after the page's start.
/// </summary>
public sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, int Read, Guid? Last);
