using Mediation.Core.Web;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Web;

/// <summary>
/// Which page of a list the caller wants (query parameters <c>page</c>, 1-based, and <c>pageSize</c>). A list never stops
/// silently: it answers one page with the total, and a size out of bounds is a 400 field error, not a quiet cap.
/// </summary>
public sealed record Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 1_000_000;

    public static readonly string Description =
        $"分页：page 从 1 开始（默认 1），pageSize 1–{MaxPageSize}（默认 {DefaultPageSize}）；超出范围为 400。响应给出 items、total 和 hasMore。";

    public static Paging From(int? page, int? pageSize)
    {
        new InputValidator().InRange(page, 1, MaxPage, "page").InRange(pageSize, 1, MaxPageSize, "pageSize").ThrowIfInvalid();
        return new Paging(page ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>What a server-rendered page lists (the pages' own paging is not part of the API contract).</summary>
    public static readonly Paging WebPageList = new(1, 500);

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>One page of a list: its items, where it is, and how many there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public bool HasMore => (long)Page * PageSize < Total;

    public PagedList<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, Total);
}

public static class PagingExtensions
{
    /// <summary>Counts the filtered query and reads one page of it; <paramref name="ordered"/> must have a total order.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> ordered, Paging paging, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = paging.Skip >= total ? [] : await ordered.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<T>(items, paging.Page, paging.PageSize, total);
    }
}

public static class PageLinks
{
    /// <summary>The address of a filtered list on another page (null or 1: the first), every other query parameter kept.</summary>
    public static string Keeping(Microsoft.AspNetCore.Http.HttpRequest request, string path, int? page)
    {
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        if (page is > 1) query = query.Append(new KeyValuePair<string, string?>("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return path + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }
}
