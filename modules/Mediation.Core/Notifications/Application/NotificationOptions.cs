namespace Mediation.Core.Notifications.Application;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Folder of the notice templates; default: templates/notices beside the application, else found upwards from it.</summary>
    public string? TemplatesPath { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>E-mail address of an org unit, by unit code (e.g. "370902": "xfj@taishan.example").</summary>
    public Dictionary<string, string> Mailboxes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Mobile number that receives SMS for an org unit, by unit code.</summary>
    public Dictionary<string, string> SmsNumbers { get; set; } = new(StringComparer.Ordinal);

    public int MaxAttempts { get; set; } = 5;

    public string ResolveTemplatesPath() => TemplatesPath is { Length: > 0 } configured
        ? configured
        : BesideAppOrUpwards(Path.Combine("templates", "notices"), Path.Combine("templates", "notices"));

    /// <summary>The folder copied beside the application at build, else (running from a source checkout) the repository's.</summary>
    public static string BesideAppOrUpwards(string besideApp, string inRepository)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, besideApp);
        return Directory.Exists(beside) ? beside : FindUpwards(inRepository) ?? beside;
    }

    public static string? FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}

public sealed class SmtpOptions
{
    /// <summary>Empty: e-mail notices stay queued (nothing is sent).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@mediation.local";
    public string FromName { get; set; } = "访调对接平台";
}
