using Mediation.Core.Security;

namespace Mediation.Web.Documents.Application;

/// <summary>Who is acting, for the "changed by" / "issued by" columns.</summary>
public interface ICurrentUserName
{
    string? UserName { get; }
}

internal sealed class CurrentUserName(ICurrentUser user) : ICurrentUserName
{
    public string? UserName => user.UserName;
}
