using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.Notifications;
using Hangfire;
using Mediation.Core.Modularity;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Web.Notifications;

/// <summary>Notices to staff: in-app inbox per org unit, e-mail (MailKit), SMS (behind ISmsSender), from Scriban templates.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "notifications";

    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NoticeTemplates>();
        services.AddScoped<NoticeOutbox>();
        services.AddScoped<INoticeOutbox>(sp => sp.GetRequiredService<NoticeOutbox>());
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<ISmsSender, LoggingSmsSender>();
        services.AddScoped<NoticeDispatcher>();
        services.AddScoped<InboxAppService>();
    }

    public void ConfigureModel(ModelBuilder model) => model.ApplyConfiguration(new NoticeConfiguration());

    public IReadOnlyList<WorkbenchCard> WorkbenchCards { get; } =
    [
        new("notices.unread", WorkbenchSection.Notices, "Workbench:UnreadNotices", CorePermissions.Notices.Read, async (sp, ct) =>
        {
            var summary = await sp.GetRequiredService<InboxAppService>().SummaryAsync(WorkbenchCardContent.MaxLines, ct);
            // Only a site-relative link is a record's page (as when the bell opens a notice); any other goes to the list.
            return new WorkbenchCardContent(summary.Unread, "/Notices?unreadOnly=true", summary.Latest
                .Select(n => new WorkbenchLine(n.Subject, n.Link is ['/', not '/' and not '\\', ..] ? n.Link : "/Notices")).ToList());
        }),
    ];

    public void MapEndpoints(RouteGroupBuilder api)
    {
        api.WithTags("Notifications");
        api.RequireAuthorization(CorePermissions.Notices.Read);
        api.MapGet("/inbox", (Guid? orgUnitId, bool? unreadOnly, int? page, int? pageSize, InboxAppService s, CancellationToken ct)
            => s.ListAsync(orgUnitId, unreadOnly, Paging.From(page, pageSize), ct)).WithName("Notifications_ListInbox").WithSummary("查询本单位收件箱")
            ;
        api.MapPost("/{id:guid}/read", async (Guid id, InboxAppService s, CancellationToken ct) =>
        {
            await s.MarkReadAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("Notifications_MarkRead").WithSummary("标记通知为已读");
    }

    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<NoticeDispatcher>(NoticeDispatcher.JobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
}
