using System.Linq.Expressions;
using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Identity;

public sealed record UserInfo(Guid Id, string UserName, string DisplayName, Guid OrgUnitId, bool IsActive);

/// <summary>Who did something on a record, as a page names them: display name and unit, never the login name alone.</summary>
public sealed record ActorInfo(string UserName, string DisplayName, string? UnitName)
{
    public string Label => LabelOf(DisplayName, UnitName)!;

    /// <summary>How a page prints a person the API names with <c>…Name</c> and <c>…Unit</c>: 张三（岱庙街道）; null without a name.</summary>
    public static string? LabelOf(string? name, string? unit) => name is null ? null : unit is null ? name : $"{name}（{unit}）";
}

/// <summary>Reading the answer of <see cref="IUserDirectory.DescribeActorsAsync"/>: every record page names its people the same way.</summary>
public static class ActorNames
{
    /// <summary>Who a stored login is; null when none was stored or the account is gone (the page then shows what was stored).</summary>
    public static ActorInfo? Named(this IReadOnlyDictionary<string, ActorInfo>? actors, string? userName) =>
        userName is not null && actors is not null && actors.TryGetValue(userName, out var named) ? named : null;
}

/// <summary>How modules read user accounts (in the caller's data scope): they never open the kernel's table.</summary>
public interface IUserDirectory
{
    Task<UserInfo?> FindAsync(Guid id, CancellationToken ct);

    Task<UserInfo?> FindByUserNameAsync(string userName, CancellationToken ct);

    /// <summary>Many users by id in one query (a sweep naming the mediators of thousands of cases); ids not found are absent.</summary>
    Task<IReadOnlyDictionary<Guid, UserInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct);

    /// <summary>
    /// Names the people in a record's history in one query. Outside the caller's data scope too: an officer of the county above
    /// may have acted on a township's record, and who signed is part of what the reader of that record may see.
    /// </summary>
    Task<IReadOnlyDictionary<string, ActorInfo>> DescribeActorsAsync(IEnumerable<string?> userNames, CancellationToken ct);
}
