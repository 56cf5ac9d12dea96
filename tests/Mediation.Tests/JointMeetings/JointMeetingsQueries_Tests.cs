using Mediation.Core.Web;
using System.Collections.Concurrent;
using System.Net;
using Mediation.Core.Data;
using Mediation.Host.Data;
using Mediation.JointMeetings;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.JointMeetings;

/// <summary>
/// A host of its own whose EF reports, with the request path, every query that loads several collections in one statement
/// (warning 20504); with its own EF service provider, so no query compiled by another test's host hides the warning.
/// </summary>
public sealed class CartesianQueryWatchApp : SqliteApp
{
    public CartesianQueryWatchApp() : this(new ConcurrentBag<string>()) { }

    private CartesianQueryWatchApp(ConcurrentBag<string> seen) : base(new MediationAppFactory(DatabaseProvider.Sqlite, services: services =>
        services.ConfigureDbContext<SqliteMediationDbContext>((sp, options) =>
        {
            var http = sp.GetRequiredService<IHttpContextAccessor>();
            options.EnableServiceProviderCaching(false).LogTo(message =>
            {
                if (http.HttpContext?.Request.Path.Value is { } path) seen.Add(path + ": " + message);
            }, [RelationalEventId.MultipleCollectionIncludeWarning]);
        }))) => CartesianQueries = seen;

    public ConcurrentBag<string> CartesianQueries { get; }
}

public sealed class JointMeetingsQueries_Tests(CartesianQueryWatchApp app) : IClassFixture<CartesianQueryWatchApp>
{
    private readonly MediationAppFactory _app = app.Factory;

    [Fact]
    public async Task The_register_pages_and_api_load_tasks_with_their_collections_in_split_queries()
    {
        var coordinator = await _app.ClientAsAsync(JointMeetingsApi_Tests.Coordinator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var meetings = await JointMeetingsApi_Tests.OkAsync<List<MeetingSummaryDto>>(await coordinator.GetAsync(
            $"/api/joint-meetings/meetings?from={today.AddDays(-60):yyyy-MM-dd}&to={today.AddDays(30):yyyy-MM-dd}"));
        meetings.Count.ShouldBeGreaterThanOrEqualTo(2);
        var held = meetings.First(m => m.Status is MeetingStatus.Held);
        var meeting = await JointMeetingsApi_Tests.OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{held.Id}"));
        var tasks = (await JointMeetingsApi_Tests.OkAsync<PagedList<AssignedTaskDto>>(await coordinator.GetAsync("/api/joint-meetings/tasks"))).Items;
        tasks.ShouldNotBeEmpty();
        await JointMeetingsApi_Tests.OkAsync<AssignedTaskDto>(await coordinator.GetAsync($"/api/joint-meetings/tasks/{tasks[0].Id}"));
        (await coordinator.GetAsync("/api/joint-meetings/supervision-list.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync($"/JointMeetings/Meetings/{meeting.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.GetAsync("/JointMeetings/Supervision")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var liaison = await _app.ClientAsAsync(JointMeetingsApi_Tests.Liaison);
        ((await JointMeetingsApi_Tests.OkAsync<PagedList<AssignedTaskDto>>(await liaison.GetAsync("/api/joint-meetings/tasks/mine"))).Items).ShouldNotBeEmpty();

        app.CartesianQueries.Where(q => q.Contains("joint-meetings", StringComparison.OrdinalIgnoreCase) || q.Contains("JointMeetings", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }
}
