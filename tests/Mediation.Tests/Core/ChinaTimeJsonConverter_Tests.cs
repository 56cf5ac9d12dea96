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

    [Theory]
    [InlineData("\"2026-12-06T09:00:00\"", "2026-12-06T01:00:00+00:00")]
    [InlineData("\"2026-12-06\"", "2026-12-05T16:00:00+00:00")]
    public void A_time_without_an_offset_is_China_time_whatever_the_servers_zone(string json, string utc) =>
        JsonSerializer.Deserialize<DateTimeOffset>(json, HttpJson.Options).ShouldBe(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("\"9999-12-31T23:59:59-14:00\"", "Core:Validation:DateTooLate")]
    [InlineData("\"0001-01-01T00:00:00+08:00\"", "Core:Validation:DateTooEarly")]
    public void A_time_with_no_UTC_instant_is_named_too_late_or_too_early(string json, string code) =>
        Should.Throw<Mediation.Core.Web.InputJsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, HttpJson.Options)).Code.ShouldBe(code);

    [Fact]
    public void A_time_that_is_not_ISO_8601_is_refused() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("\"next tuesday\"", HttpJson.Options));
}
