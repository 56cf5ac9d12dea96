using Mediation.Web.Notifications;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>The stand-in SMS gateway logs what it would send; a phone number is personal data and is logged masked.</summary>
public sealed class LoggingSmsSender_Tests
{
    [Fact]
    public async Task The_logged_message_shows_the_number_masked_never_in_full()
    {
        var log = new CapturingLogger();

        await new LoggingSmsSender(log).SendAsync("13912345678", "【肥城市政法服务先行区】诉求已收到", CancellationToken.None);

        var line = log.Lines.ShouldHaveSingleItem();
        line.ShouldNotContain("13912345678");
        line.ShouldContain("139****5678");
        line.ShouldContain("诉求已收到");
    }

    private sealed class CapturingLogger : ILogger<LoggingSmsSender>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Add(formatter(state, exception));
            // Structured sinks see the arguments, not only the formatted line.
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                Lines[^1] += " | " + string.Join(" ", values.Select(v => v.Value));
        }
    }
}
