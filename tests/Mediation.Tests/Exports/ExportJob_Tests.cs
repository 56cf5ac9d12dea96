using Mediation.Core.Exports;
using Mediation.Web.Exports;
using Shouldly;

namespace Mediation.Tests.Exports;

public sealed class ExportJob_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private static ExportJob Queued() => new(Guid.NewGuid(), "legal-windows.ledger", "{}", new ExportFile("台账.xlsx", ExportFile.Xlsx), Guid.NewGuid(), "demo", Now);

    [Fact]
    public void A_job_runs_from_queued_to_done_and_expires_after_the_retention()
    {
        var job = Queued();
        job.State.ShouldBe(ExportJobState.Queued);
        job.Start(Now.AddSeconds(1), Retention).ShouldBeTrue();
        job.State.ShouldBe(ExportJobState.Running);
        job.Complete([1, 2, 3], Now.AddSeconds(5), Retention);
        (job.State, job.Percent, job.Size, job.ExpiresAt).ShouldBe((ExportJobState.Done, 100, (long?)3, (DateTimeOffset?)Now.AddSeconds(5).AddDays(7).ToUniversalTime()));
    }

    [Fact]
    public void A_finished_job_delivered_again_does_not_run_again()
    {
        var job = Queued();
        job.Start(Now, Retention);
        job.Complete([1], Now, Retention);
        job.Start(Now.AddMinutes(1), Retention).ShouldBeFalse();
        job.State.ShouldBe(ExportJobState.Done);
        job.Fail(ExportErrorCodes.Failed, Now, Retention);
        (job.State, job.ErrorCode).ShouldBe((ExportJobState.Done, (string?)null), "a failure after the file is stored changes nothing");
    }

    [Fact]
    public void A_running_job_fetched_again_starts_over_and_fails_as_interrupted_after_three_attempts()
    {
        var job = Queued();
        for (var attempt = 1; attempt <= ExportJob.MaxAttempts; attempt++) job.Start(Now.AddMinutes(attempt), Retention).ShouldBeTrue();
        job.Start(Now.AddMinutes(9), Retention).ShouldBeFalse();
        (job.State, job.ErrorCode).ShouldBe((ExportJobState.Failed, (string?)ExportErrorCodes.Interrupted));
    }

    [Fact]
    public void Only_a_running_job_completes_and_a_failure_keeps_no_file()
    {
        var job = Queued();
        Should.Throw<InvalidOperationException>(() => job.Complete([1], Now, Retention));
        job.Start(Now, Retention);
        job.Fail("LegalWindows:MonthInvalid", Now, Retention);
        (job.State, job.ErrorCode, job.Content, job.ExpiresAt).ShouldBe((ExportJobState.Failed, (string?)"LegalWindows:MonthInvalid", (byte[]?)null,
            (DateTimeOffset?)Now.AddDays(7).ToUniversalTime()));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(5, 0, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(3, 3, 99)]
    [InlineData(7, 3, 99)]
    public void The_percentage_reaches_100_only_when_the_file_is_stored(long done, long total, int percent) =>
        ExportJob.PercentOf(done, total).ShouldBe(percent);
}
