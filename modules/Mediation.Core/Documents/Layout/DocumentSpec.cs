namespace Mediation.Core.Documents.Layout;

public enum PaperOrientation
{
    Portrait,
    Landscape,
}

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A document as a list of blocks; the writer flows them onto A4 pages.</summary>
public sealed record DocumentSpec
{
    public string Title { get; init; } = "";
    public PaperOrientation Orientation { get; init; } = PaperOrientation.Portrait;

    /// <summary>Printed small and centred above a rule on every page (e.g. the issuing committee).</summary>
    public string? HeaderText { get; init; }

    /// <summary>"第 n 页 / 共 m 页" centred at the foot of every page.</summary>
    public bool PageNumbers { get; init; } = true;

    public IReadOnlyList<DocumentBlock> Blocks { get; init; } = [];
}

public abstract record DocumentBlock;

/// <summary>Level 1: the document title (centred, 二号); level 2: a section heading (四号, bold).</summary>
public sealed record Heading(string Text, int Level = 1) : DocumentBlock;

/// <summary>Running text; <paramref name="IndentFirstLine"/> indents by two characters, as Chinese prose does.</summary>
public sealed record Paragraph(string Text, TextAlign Align = TextAlign.Left, bool IndentFirstLine = true, double FontSize = 12) : DocumentBlock;

/// <summary>Label/value pairs in a bordered two-column grid (parties' particulars, case facts).</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValuePair<string, string>> Items) : DocumentBlock;

public sealed record TableColumn(string Header, double Width = 1, TextAlign Align = TextAlign.Left);

/// <summary>A table that continues on the next page with its header row repeated.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, bool RepeatHeader = true) : DocumentBlock;

/// <summary>Signature lines, up to three side by side, kept together on one page.</summary>
public sealed record SignatureBlock(IReadOnlyList<string> Signers, bool WithDate = true) : DocumentBlock;

public sealed record PageBreak : DocumentBlock;

public sealed record Spacer(double Points) : DocumentBlock;

public enum ChartKind
{
    Bar,
    Line,
}

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

public sealed record ChartBlock(ChartKind Kind, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, double Height = 220) : DocumentBlock;
