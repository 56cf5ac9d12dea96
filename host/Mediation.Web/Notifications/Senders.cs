using Mediation.Core.Notifications.Data;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Mediation.Core.PersonalData;

namespace Mediation.Web.Notifications;

public interface IEmailSender
{
    bool IsConfigured { get; }

    Task SendAsync(string address, string subject, string body, CancellationToken ct);
}

public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string text, CancellationToken ct);
}

internal sealed class SmtpEmailSender(IOptions<NotificationOptions> options) : IEmailSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(string address, string subject, string body, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// Stands in for an SMS gateway (none is contracted yet): writes the message to the log, the number masked (139****5678), since a
/// person's number is personal data and logs are kept and read more widely than the data. A deployment registers its gateway instead.
/// </summary>
internal sealed class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string phoneNumber, string text, CancellationToken ct)
    {
        logger.LogInformation("SMS to {PhoneNumber}: {Text}", Masking.Mask(PersonalDataKind.Mobile, phoneNumber), text);
        return Task.CompletedTask;
    }
}
