using System.Collections.Concurrent;
using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Notifications.Domain;
using Mediation.ServiceDesk;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>
/// 即收即复 and 办结告知 reach the enterprise's contact by SMS through the notification channels: queued in the filing's and the
/// conclusion's own transaction, once each, sent by the dispatcher; the number is stored encrypted until then and masked in the log.
/// </summary>
public sealed class ServiceDeskContactMessages_Tests
{
    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception));
        }
    }

    private static async Task<List<Notice>> SmsOfAsync(MediationAppFactory app, Guid requestId) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<Notice>().AsNoTracking()
            .Where(n => n.Channel == NoticeChannel.Sms && n.SourceKey!.StartsWith(requestId.ToString("N"))).OrderBy(n => n.CreatedAt).ToListAsync());

    private static Task<int> DispatchAsync(MediationAppFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<NoticeDispatcher>().RunAsync(CancellationToken.None));

    [Fact]
    public async Task The_contact_gets_the_number_at_once_and_the_conclusion_by_SMS_once_each_with_the_number_masked_in_the_log()
    {
        var logs = new CapturedLogs();
        await using var app = new MediationAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
            {
                ["Hangfire:ServerEnabled"] = "false",
                // The stand-in gateway logs at Information; the tests' hosts log warnings only.
                [$"Logging:LogLevel:{typeof(NoticeDispatcher).Namespace}"] = "Information",
            },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        app.StartServer();
        var (enterprise, client, _) = await EnterpriseAsync(app);
        var filed = await FileAsync(client, RequestKind.ServiceRequest);

        var queued = (await SmsOfAsync(app, filed.Id)).ShouldHaveSingleItem("即收即复: the acknowledgement is queued with the filing");
        queued.Recipient.ShouldNotBeNull().ShouldNotContain("13800138000", Case.Sensitive, "the contact's number is stored encrypted");
        queued.Subject.ShouldBe("【肥城市政法服务先行区】诉求已收到");
        queued.Body.ShouldStartWith($"{enterprise.Name}：您单位");
        queued.Body.ShouldContain($"已收到，编号{filed.Number}。");
        queued.SentAt.ShouldBeNull();

        (await DispatchAsync(app)).ShouldBeGreaterThanOrEqualTo(1);
        var sentLines = logs.Lines.Where(l => l.StartsWith("SMS to ", StringComparison.Ordinal)).ToList();
        sentLines.ShouldHaveSingleItem().ShouldStartWith("SMS to 138****8000: 【肥城市政法服务先行区】诉求已收到");
        logs.Lines.ShouldNotContain(l => l.Contains("13800138000", StringComparison.Ordinal));
        (await SmsOfAsync(app, filed.Id)).ShouldHaveSingleItem().SentAt.ShouldNotBeNull();
        (await DispatchAsync(app)).ShouldBe(0, "sent once");

        var officer = await app.ClientAsAsync(Officer);
        var taken = await TakeAsync(officer, filed);
        (await SmsOfAsync(app, filed.Id)).Count.ShouldBe(1, "taking it sends no message");
        var concluded = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("已协调住建部门办结施工许可", taken.ConcurrencyStamp)));
        concluded.Status.ShouldBe(RequestStatus.Concluded);
        var messages = await SmsOfAsync(app, filed.Id);
        messages.Count.ShouldBe(2);
        messages[1].Subject.ShouldBe("【肥城市政法服务先行区】诉求办结告知");
        messages[1].Body.ShouldContain($"您单位的诉求{filed.Number}");
        messages[1].Body.ShouldContain("办理结果：已协调住建部门办结施工许可");

        (await DispatchAsync(app)).ShouldBe(1);
        logs.Lines.Count(l => l.StartsWith("SMS to 138****8000: 【肥城市政法服务先行区】诉求办结告知", StringComparison.Ordinal)).ShouldBe(1);
        logs.Lines.ShouldNotContain(l => l.Contains("13800138000", StringComparison.Ordinal));
        (await SmsOfAsync(app, filed.Id)).ShouldAllBe(n => n.SentAt != null);

        // A refused conclusion queues nothing: the message exists exactly when the change committed.
        (await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude", new ConcludeInput("再次办结", concluded.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await SmsOfAsync(app, filed.Id)).Count.ShouldBe(2);
    }
}
