namespace Mediation.Core.Modularity;

/// <summary>A link in the shell's navigation, shown only to users holding <paramref name="Permission"/>.</summary>
/// <param name="TextKey">Localization key of the link text.</param>
public sealed record MenuItem(string TextKey, string Path, string Permission);
