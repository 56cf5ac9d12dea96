using Microsoft.AspNetCore.Http;

namespace Mediation.Core.Documents.Application;

/// <summary>Who is acting, for the "changed by" / "issued by" columns. The Identity work replaces the registration.</summary>
public interface ICurrentUserName
{
    string? UserName { get; }
}

internal sealed class HttpContextUserName(IHttpContextAccessor http) : ICurrentUserName
{
    public string? UserName => http.HttpContext?.User.Identity?.IsAuthenticated == true ? http.HttpContext.User.Identity.Name : null;
}
