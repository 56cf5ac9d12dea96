using Mediation.Core.Data;
using Mediation.Host;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>
/// Issue 17 P5: a started host collects its start-up's garbage once, compacting, so that an idle host does not keep it committed
/// (README "Start-up and memory": about 25 MB of idle RSS), and trims the C library's heap (about 8 MB more).
/// </summary>
public sealed class StartupMemoryTrim_Tests
{
    [Fact]
    public async Task A_started_host_collects_its_start_up_garbage_once_with_a_compacting_full_collection()
    {
        await using var app = new MediationAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Memory:TrimAfterStart"] = "00:00:00",
        });
        using var client = app.CreateClient();
        (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();

        var trim = await app.Services.GetRequiredService<StartupMemoryTrim>().Trimmed.WaitAsync(TimeSpan.FromMinutes(5));

        trim.Collection.Generation.ShouldBe(GC.MaxGeneration);
        trim.Collection.Compacted.ShouldBeTrue();
        // The machines this runs on are glibc Linux (Debian, Ubuntu): malloc_trim must be found there, whether or not it had pages to give.
        if (OperatingSystem.IsLinux()) trim.NativeHeap.ShouldBeOneOf(NativeHeapTrim.Released, NativeHeapTrim.NothingToRelease);
    }

    [Fact]
    public void The_shipped_host_trims_a_few_seconds_after_its_start_and_the_setting_can_turn_it_off()
    {
        StartupMemoryTrim.Delay(new ConfigurationBuilder().Build()).ShouldBe(TimeSpan.FromSeconds(5));
        StartupMemoryTrim.Delay(Settings("off")).ShouldBeNull();
        StartupMemoryTrim.Delay(Settings("00:00:30")).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-00:00:01")]
    public void A_wrong_trim_setting_is_refused_with_the_settings_name(string trimAfterStart) =>
        Should.Throw<InvalidOperationException>(() => StartupMemoryTrim.Delay(Settings(trimAfterStart)))
            .Message.ShouldBe($"Memory:TrimAfterStart must be a wait such as 00:00:05, or off; it is \"{trimAfterStart}\".");

    private static IConfiguration Settings(string trimAfterStart) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Memory:TrimAfterStart"] = trimAfterStart }).Build();
}
