using System.Reflection;
using Mediation.Core.Web.Pages;
using Mediation.Host;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Every enum a client puts in a query string — an API list's parameter or a page's filter — has its hostile rows
/// (a number, numbers, a flag combination, an unknown name, the parameter twice) in <see cref="HostileProbes"/>,
/// so a new list with an enum filter cannot ship without being probed.
/// </summary>
public sealed class EnumParameters_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Kinds = ["as a number", "as an out-of-range number", "as numbers", "as a flag combination", "as an unknown name", "given twice"];

    private static bool IsEnum(Type type) =>
        (Nullable.GetUnderlyingType(type.IsArray ? type.GetElementType()! : type) ?? (type.IsArray ? type.GetElementType()! : type)).IsEnum;

    private static bool Probed(string path, string parameter) =>
        Kinds.All(kind => HostileProbes.All.Any(p => p.Method == "GET" && p.Field == parameter && p.Name.EndsWith(kind, StringComparison.Ordinal)
            && p.Url.StartsWith($"{path}?{parameter}=", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void Every_enum_query_parameter_of_the_api_has_its_hostile_rows()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<MethodInfo>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<MethodInfo>()!.GetParameters()
                .Where(p => IsEnum(p.ParameterType) && e.RoutePattern.GetParameter(p.Name!) is null && p.GetCustomAttribute<FromBodyAttribute>() is null)
                .Select(p => (Path: e.RoutePattern.RawText!, Parameter: p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!)))
            .ToList();

        endpoints.ShouldContain(("/api/service-desk/requests", "view"), "the desk queue's view is the known case; the search must find it");
        endpoints.Where(e => !Probed(e.Path, e.Parameter)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_enum_filter_of_a_page_has_its_hostile_rows()
    {
        var filters = HostModules.Create().Modules.Select(m => m.GetType().Assembly).Append(typeof(FormPageModel).Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetProperties()
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } && IsEnum(p.PropertyType))
                .Select(p => (Path: PagePath(t), Parameter: char.ToLowerInvariant(p.Name[0]) + p.Name[1..])))
            .ToList();

        filters.ShouldContain(("/Cases", "risk"));
        filters.Where(f => !Probed(f.Path, f.Parameter)).ShouldBeEmpty();
    }

    /// <summary>Mediation.Cases.Pages.Cases.IndexModel → /Cases; …Pages.Cases.VisitsModel → /Cases/Visits.</summary>
    private static string PagePath(Type model)
    {
        var folder = model.Namespace![(model.Namespace!.IndexOf(".Pages", StringComparison.Ordinal) + ".Pages".Length)..].Replace('.', '/');
        var page = model.Name[..^"Model".Length];
        return page == "Index" ? folder : $"{folder}/{page}";
    }
}
