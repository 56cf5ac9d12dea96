using System.Text.Json;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Core;

public sealed class ChinaTimeJsonConverter_Tests
{
    [Fact]
    public void Times_are_written_in_China_time_with_the_offset() =>
        JsonSerializer.Serialize(new DateTimeOffset(2026, 1, 31, 16, 30, 0, TimeSpan.Zero), HttpJson.Options)
            .ShouldBe("\"2026-02-01T00:30:00+08:00\"");

    [Fact]
    public void Times_are_read_in_any_offset_and_kept_as_UTC()
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>("\"2026-02-01T00:30:00+08:00\"", HttpJson.Options);
        value.Offset.ShouldBe(TimeSpan.Zero);
        value.ShouldBe(new DateTimeOffset(2026, 1, 31, 16, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_time_that_is_not_ISO_8601_is_refused() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("\"next tuesday\"", HttpJson.Options));
}
