namespace Mediation.Core.Modularity;

/// <summary>Where a card stands on the workbench; the kernel lays the sections out in this order.</summary>
public enum WorkbenchSection
{
    /// <summary>待办: my open records.</summary>
    Mine,
    /// <summary>即将到期: due within three working days.</summary>
    DueSoon,
    /// <summary>已超期.</summary>
    Overdue,
    /// <summary>Today's sessions, visits, duties.</summary>
    Today,
    /// <summary>Waiting for my approval (an opinion to sign off, a review).</summary>
    Approval,
    /// <summary>Unread notices, and a unit head's overdue records by unit.</summary>
    Notices,
}

/// <summary>
/// A card a module puts on the workbench (the home page) for the users holding <see cref="Permission"/>. <see cref="LoadAsync"/> reads
/// the card with one query in the caller's data scope; the kernel only lays the cards out.
/// </summary>
public sealed record WorkbenchCard(string Key, WorkbenchSection Section, string TitleKey, string Permission,
    Func<IServiceProvider, CancellationToken, Task<WorkbenchCardContent>> LoadAsync);

/// <summary>How many there are (the count links to the list filtered the same way) and the first few, each linking to its record.</summary>
public sealed record WorkbenchCardContent(int Count, string ListLink, IReadOnlyList<WorkbenchLine> Lines)
{
    public const int MaxLines = 5;

    /// <summary>
    /// The most rows a one-query card reads to count: a card that reads its rows rather than counting them in the database (today's
    /// meetings, opinions waiting for sign-off) stops there.
    /// </summary>
    public const int MaxCountedRows = 200;

    /// <summary>A card read with one query: the rows counted, the first <see cref="MaxLines"/> shown.</summary>
    public static WorkbenchCardContent FromRows<T>(IReadOnlyList<T> rows, string listLink, Func<T, WorkbenchLine> line) =>
        new(rows.Count, listLink, rows.Take(MaxLines).Select(line).ToList());
}

/// <summary>One record on a card, named as an official writes it (its number), never by id.</summary>
public sealed record WorkbenchLine(string Text, string Link, string? Note = null);
