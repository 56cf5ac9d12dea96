using Hangfire;
using Hangfire.Storage;
using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Deadlines;

/// <summary><c>Hangfire:Schedules</c> replaces a recurring job's own schedule (the restart test sweeps every ten seconds); a misspelt job id stops the start.</summary>
public sealed class JobSchedules_Tests
{
    private static string NewDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "schedules-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "schedules.db")}";
    }

    [Fact]
    public async Task A_configured_schedule_replaces_the_jobs_own_and_leaves_the_others_as_they_are()
    {
        await using var app = new MediationAppFactory(DatabaseProvider.Sqlite, NewDatabase(), new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = "false",
            ["Hangfire:Schedules:0:Job"] = DeadlineSweepJob.JobId, ["Hangfire:Schedules:0:Cron"] = "*/10 * * * * *",
        });
        app.StartServer();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);
        jobs[DeadlineSweepJob.JobId].ShouldBe("*/10 * * * * *");
        jobs["notifications:dispatch"].ShouldBe(Cron.Minutely());
    }

    [Fact]
    public async Task A_schedule_for_a_job_no_module_registers_stops_the_start()
    {
        await using var app = new MediationAppFactory(DatabaseProvider.Sqlite, NewDatabase(), new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = "false",
            ["Hangfire:Schedules:0:Job"] = "deadlines:swep", ["Hangfire:Schedules:0:Cron"] = "*/10 * * * * *",
        });
        Should.Throw<InvalidOperationException>(() => app.StartServer()).Message.ShouldContain("deadlines:swep");
    }
}
