using Mediation.Petitions.Application;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace Mediation.Tests.Petitions;

public sealed class DuplicateCheckSettings_Tests
{
    private static DuplicateCheckSettings From(string? value) => DuplicateCheckSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [DuplicateCheckSettings.MaxCandidatesSetting] = value }).Build());

    [Fact]
    public void Without_the_setting_the_newest_2000_open_items_are_scored() => From(null).MaxCandidates.ShouldBe(2000);

    [Fact]
    public void A_deployment_sets_its_own_cap() => From("500").MaxCandidates.ShouldBe(500);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_cap_that_would_score_nothing_stops_the_start(string value) =>
        Should.Throw<InvalidOperationException>(() => From(value)).Message.ShouldContain(DuplicateCheckSettings.MaxCandidatesSetting);
}
