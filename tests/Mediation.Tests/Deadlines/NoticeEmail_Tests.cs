using System.Net;
using System.Net.Sockets;
using System.Text;
using Mediation.Core.Data;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;
using Shouldly;
using static Mediation.Tests.Deadlines.Calendars;

namespace Mediation.Tests.Deadlines;

/// <summary>Escalation notices reach the supervising unit's mailbox over real SMTP (an in-process server).</summary>
public sealed class NoticeEmail_Tests
{
    [Fact]
    public async Task A_county_supervision_is_mailed_to_the_county_once()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        await using var app = new MediationAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Mailboxes:370902"] = "xfj@taishan.example.cn",
            ["Notifications:SmsNumbers:370902"] = "13800000000",
        }, services: DeadlineApps.WithTime(time));
        app.StartServer();

        var clock = await app.StartClockAsync("370902001001", "petition.acceptance-notice", China(2026, 3, 2)); // due 17 Mar
        time.SetUtcNow(China(2026, 3, 21, 9).ToUniversalTime()); // 催办 and 督办 (due + 3 days) are due
        // The demo's open desk requests escalate too (in 肥城市, no mailbox): count this clock's steps.
        await app.SweepAsync();
        (await app.StepsAsync(clock.Id)).Count.ShouldBe(2);

        var sent = await app.InScopeAsync(sp => sp.GetRequiredService<NoticeDispatcher>().RunAsync(CancellationToken.None));
        sent.ShouldBe(2); // the e-mail and the (logged) SMS to 泰山区
        (await app.InScopeAsync(sp => sp.GetRequiredService<NoticeDispatcher>().RunAsync(CancellationToken.None))).ShouldBe(0);

        smtp.ReceivedEmailCount.ShouldBe(1);
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(smtp.ReceivedEmail[0].Data)));
        mail.To.Mailboxes.Single().Address.ShouldBe("xfj@taishan.example.cn");
        mail.Subject.ShouldNotBeNull().ShouldContain("督办");
        mail.TextBody.ShouldNotBeNull().ShouldContain("泰山区");
        mail.TextBody.ShouldNotBeNull().ShouldContain("信访工作条例");

        var step = (await app.StepsAsync(clock.Id)).First();
        var again = new Mediation.Core.Deadlines.Domain.DeadlineStep(Guid.NewGuid(), step.ClockId, step.Step, step.Kind, step.DueInstant, time.GetUtcNow(), null);
        (await app.InScopeAsync(sp => sp.GetRequiredService<Mediation.Web.Deadlines.StepInserter>().TryInsertAsync(again, CancellationToken.None)))
            .ShouldBeFalse("the same clock, step and due instant is skipped");
        (await app.StepsAsync(clock.Id)).Count.ShouldBe(2);

        var notices = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<Notice>().AsNoTracking()
            .Where(n => n.Channel != NoticeChannel.InApp).ToListAsync());
        notices.ShouldAllBe(n => n.SentAt != null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
