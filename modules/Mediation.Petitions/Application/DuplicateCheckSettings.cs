using Microsoft.Extensions.Configuration;

namespace Mediation.Petitions.Application;

/// <summary>
/// Bounds the work of one duplicate check: at most <see cref="MaxCandidates"/> open items of the county, the newest first,
/// are scored against the draft.
/// </summary>
internal sealed record DuplicateCheckSettings(int MaxCandidates)
{
    public const string MaxCandidatesSetting = "Petitions:DuplicateCheck:MaxCandidates";
    public const int DefaultMaxCandidates = 2000;

    public static DuplicateCheckSettings From(IConfiguration configuration)
    {
        var max = configuration.GetValue(MaxCandidatesSetting, DefaultMaxCandidates);
        return max > 0
            ? new DuplicateCheckSettings(max)
            : throw new InvalidOperationException($"{MaxCandidatesSetting} must be a positive number of petitions, not {max}.");
    }
}
