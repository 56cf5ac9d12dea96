using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.Documents.Domain;
using Mediation.Core.Documents;
using Mediation.Core.Documents.Application;
using Mediation.Web.Documents.Templates;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Web.Documents.Application;

/// <summary>
/// Template texts: the shipped file, unless an administrator saved an override. Every save is a new
/// version (text, who, when); nothing is overwritten, so the history answers "what did this notice
/// say on that day".
/// </summary>
public sealed partial class DocumentTemplateAppService(MediationDbContext db, TemplateFolder folder, ICurrentUserName user, TimeProvider clock)
{
    public const string EntityName = "DocumentTemplate";

    private IQueryable<DocumentTemplateVersion> Versions => db.Set<DocumentTemplateVersion>().AsNoTracking();

    public async Task<IReadOnlyList<DocumentTemplateDto>> ListAsync(CancellationToken ct)
    {
        var overridden = await Versions.Select(v => v.TemplateName).Distinct().ToListAsync(ct);
        var result = new List<DocumentTemplateDto>();
        foreach (var name in folder.Names().Union(overridden).Order(StringComparer.Ordinal))
            result.Add(await GetAsync(name, ct));
        return result;
    }

    public async Task<DocumentTemplateDto> GetAsync(string name, CancellationToken ct)
    {
        EnsureValidName(name);
        var latest = await LatestAsync(name, ct);
        if (latest is { IsReset: false })
            return new DocumentTemplateDto(name, TemplateSource.Override, latest.Version, latest.Text!, latest.ChangedBy, latest.ChangedAt);
        var file = folder.Read(name) ?? throw new EntityNotFoundException(EntityName, name);
        return new DocumentTemplateDto(name, TemplateSource.File, latest?.Version ?? 0, file, latest?.ChangedBy, latest?.ChangedAt);
    }

    public async Task<IReadOnlyList<DocumentTemplateVersionDto>> VersionsAsync(string name, CancellationToken ct)
    {
        await GetAsync(name, ct);
        var versions = await Versions.Where(v => v.TemplateName == name).OrderByDescending(v => v.Version).ToListAsync(ct);
        return versions.Select(v => new DocumentTemplateVersionDto(v.Version, v.IsReset, v.Text?.Length ?? 0, v.ChangedBy, v.ChangedAt)).ToList();
    }

    public async Task<DocumentTemplateVersionTextDto> VersionAsync(string name, int version, CancellationToken ct)
    {
        EnsureValidName(name);
        var found = await Versions.SingleOrDefaultAsync(v => v.TemplateName == name && v.Version == version, ct)
                    ?? throw new EntityNotFoundException(EntityName, $"{name} v{version}");
        return new DocumentTemplateVersionTextDto(name, found.Version, found.Text, found.ChangedBy, found.ChangedAt);
    }

    public async Task<DocumentTemplateDto> SaveAsync(string name, SaveTemplateInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.Text, "text")
            .MaxLength(input.Text, DocumentTemplateVersion.MaxTextLength, "text")
            .ThrowIfInvalid();
        var current = await GetAsync(name, ct);
        EnsureExpectedVersion(current, input.ExpectedVersion);
        DocumentTemplateRenderer.Validate(name, input.Text!);
        await AddVersionAsync(name, current.Version, input.Text, ct);
        return await GetAsync(name, ct);
    }

    /// <summary>Back to the shipped file, recorded as a version of its own.</summary>
    public async Task<DocumentTemplateDto> ResetAsync(string name, int? expectedVersion, CancellationToken ct)
    {
        var current = await GetAsync(name, ct);
        EnsureExpectedVersion(current, expectedVersion);
        if (current.Source is TemplateSource.File) return current;
        if (folder.Read(name) is null) throw new EntityNotFoundException(EntityName, name + " (file)");
        await AddVersionAsync(name, current.Version, null, ct);
        return await GetAsync(name, ct);
    }

    internal async Task<(string Text, int? Version)> CurrentTextAsync(string name, CancellationToken ct)
    {
        var current = await GetAsync(name, ct);
        return (current.Text, current.Source is TemplateSource.Override ? current.Version : null);
    }

    private async Task<DocumentTemplateVersion?> LatestAsync(string name, CancellationToken ct) =>
        await Versions.Where(v => v.TemplateName == name).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    private static void EnsureExpectedVersion(DocumentTemplateDto current, int? expected)
    {
        if (expected is { } v && v != current.Version)
            throw new ConflictException(DocumentsErrorCodes.TemplateVersionConflict,
                new Dictionary<string, object?> { ["expected"] = v, ["current"] = current.Version });
    }

    private async Task AddVersionAsync(string name, int currentVersion, string? text, CancellationToken ct)
    {
        db.Add(DocumentTemplateVersion.Next(Guid.CreateVersion7(), name, currentVersion, text, user.UserName, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Someone saved the same next version a moment earlier; the unique index decided.
            throw new ConflictException(DocumentsErrorCodes.TemplateVersionConflict,
                new Dictionary<string, object?> { ["expected"] = currentVersion, ["current"] = currentVersion + 1 });
        }
    }

    private static void EnsureValidName(string name)
    {
        new InputValidator()
            .MaxLength(name, DocumentTemplateVersion.MaxNameLength, "name")
            .Matches(name, NamePattern(), "name")
            .ThrowIfInvalid();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
