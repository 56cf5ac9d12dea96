using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Integrations;
using Mediation.Integrations.Domain;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Shouldly;

namespace Mediation.Tests.Integrations;

/// <summary>The rules of the work-order exchange that need no database: the callback signature, the push's idempotency key, the scope, the stages and the retries.</summary>
public sealed class WorkOrderDomain_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_signature_is_hmac_sha256_of_timestamp_dot_body_in_lower_hex()
    {
        // Computed apart with Python: hmac.new(b'shared-secret', b'1767225600.{"stage":"Replied"}', hashlib.sha256).hexdigest()
        CallbackSignature.Compute("shared-secret", 1767225600, "{\"stage\":\"Replied\"}")
            .ShouldBe("4e23fc8cddc2e4158449353a7c9fb896397a4b64fc4216434e9d9252e85e7eb3");
    }

    [Fact]
    public void A_receiver_refuses_a_changed_body_another_secret_or_an_old_timestamp()
    {
        const string body = "{\"stage\":\"Replied\"}";
        var timestamp = Now.ToUnixTimeSeconds();
        var signature = CallbackSignature.Compute("shared-secret", timestamp, body);
        var tolerance = TimeSpan.FromMinutes(5);
        CallbackSignature.Verify("shared-secret", timestamp, body, signature, Now, tolerance).ShouldBeTrue();
        CallbackSignature.Verify("shared-secret", timestamp, body, signature.ToUpperInvariant(), Now, tolerance).ShouldBeTrue();
        CallbackSignature.Verify("shared-secret", timestamp, body.Replace("Replied", "Closed", StringComparison.Ordinal), signature, Now, tolerance).ShouldBeFalse();
        CallbackSignature.Verify("other-secret", timestamp, body, signature, Now, tolerance).ShouldBeFalse();
        CallbackSignature.Verify("shared-secret", timestamp + 1, body, signature, Now, tolerance).ShouldBeFalse();
        // A recorded callback replayed an hour later is refused although its signature is genuine.
        CallbackSignature.Verify("shared-secret", timestamp, body, signature, Now.AddHours(1), tolerance).ShouldBeFalse();
    }

    [Theory]
    [InlineData("GD20260301-000123", true)]
    [InlineData("  12345_A-1  ", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("工单123", false)]
    [InlineData("GD 123", false)]
    [InlineData("GD/123", false)]
    public void A_work_order_number_is_letters_digits_hyphens_and_underscores(string number, bool valid) =>
        WorkOrderNumbers.IsValid(number).ShouldBe(valid);

    [Fact]
    public void The_idempotency_key_is_the_number_as_sent_trimmed_with_its_case_at_most_fifty_characters()
    {
        WorkOrderNumbers.Normalize("  GD-1 ").ShouldBe("GD-1");
        WorkOrderNumbers.Normalize("gd-1").ShouldNotBe(WorkOrderNumbers.Normalize("GD-1"));
        WorkOrderNumbers.IsValid(new string('A', 50)).ShouldBeTrue();
        WorkOrderNumbers.IsValid(new string('A', 51)).ShouldBeFalse();
        WorkOrderNumbers.Normalize(null).ShouldBeNull();
    }

    [Fact]
    public void A_system_delivers_to_its_scope_units_and_every_unit_below_them_never_to_a_sibling_or_the_unit_above()
    {
        string[] scope = ["/370900/370902/"];
        IntegratingSystem.Covers(scope, "/370900/370902/").ShouldBeTrue();
        IntegratingSystem.Covers(scope, "/370900/370902/370902001/").ShouldBeTrue();
        IntegratingSystem.Covers(scope, "/370900/370911/").ShouldBeFalse();
        IntegratingSystem.Covers(scope, "/370900/").ShouldBeFalse();
        // A code that merely starts alike is another unit: paths end with a slash.
        IntegratingSystem.Covers(scope, "/370900/3709021/").ShouldBeFalse();
        IntegratingSystem.Covers([], "/370900/").ShouldBeFalse();
    }

    [Fact]
    public void A_system_needs_at_least_one_unit_in_its_scope() =>
        Should.Throw<BusinessException>(() => IntegratingSystem.Register(Guid.NewGuid(), "12345", ApiKeys.Issue(), "cipher", new Uri("https://x.test/cb"), [],
            "demo.systemadmin", Now)).Code.ShouldBe(IntegrationsErrorCodes.ScopeEmpty);

    [Fact]
    public void An_api_key_is_random_shown_once_and_kept_as_its_hash()
    {
        var first = ApiKeys.Issue();
        var second = ApiKeys.Issue();
        first.Key.ShouldNotBe(second.Key);
        first.Key.ShouldStartWith(first.Prefix);
        first.Hash.ShouldBe(ApiKeys.Hash(first.Key));
        first.Key.Length.ShouldBeGreaterThanOrEqualTo(40);
    }

    [Theory]
    [InlineData("https://12345.taian.gov.cn/callbacks/mediation", true)]
    [InlineData("http://10.0.0.8:8080/cb", true)]
    [InlineData("ftp://12345.taian.gov.cn/cb", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/callbacks", false)]
    [InlineData("https://user:pass@12345.taian.gov.cn/cb", false)]
    [InlineData("not a url", false)]
    public void A_callback_url_is_an_absolute_http_or_https_address(string url, bool valid) =>
        (CallbackUrls.Parse(url) is not null).ShouldBe(valid);

    [Fact]
    public void A_work_order_tells_each_stage_once_in_order_and_never_goes_back()
    {
        var order = WorkOrder.Receive(Guid.NewGuid(), Guid.NewGuid(), "GD-1", WorkOrderKind.DeskRequest, "12345热线", "张某", new ProtectedValue("138****8000", "c", "h"),
            "噪音扰民", "环境", Guid.NewGuid(), "370983", Now.AddDays(5), Guid.NewGuid(), "肥城接诉〔2026〕1号", Now);
        order.Advance(StageOf.DeskRequest(RequestStatus.Submitted)).ShouldBeEmpty();
        // Taken and concluded between two reads: both are news, in order.
        order.Advance(StageOf.DeskRequest(RequestStatus.Concluded)).ShouldBe([WorkOrderStage.Acknowledged, WorkOrderStage.Replied]);
        order.Advance(StageOf.DeskRequest(RequestStatus.Concluded)).ShouldBeEmpty();
        // Reopened after a 不满意 review: back in handling, nothing is told again.
        order.Advance(StageOf.DeskRequest(RequestStatus.InHandling)).ShouldBeEmpty();
        order.Advance(StageOf.DeskRequest(RequestStatus.Closed)).ShouldBe([WorkOrderStage.Closed]);
        order.Stage.ShouldBe(WorkOrderStage.Closed);
    }

    [Theory]
    [InlineData(PetitionStatus.Registered, new WorkOrderStage[0])]
    [InlineData(PetitionStatus.Accepted, new[] { WorkOrderStage.Acknowledged })]
    [InlineData(PetitionStatus.HandedOverToMediation, new[] { WorkOrderStage.Acknowledged })]
    [InlineData(PetitionStatus.Replied, new[] { WorkOrderStage.Acknowledged, WorkOrderStage.Replied })]
    [InlineData(PetitionStatus.SuggestionAnswered, new[] { WorkOrderStage.Acknowledged, WorkOrderStage.Replied })]
    [InlineData(PetitionStatus.UnderReview, new[] { WorkOrderStage.Acknowledged, WorkOrderStage.Replied })]
    // Not accepted: never acknowledged, told only that it is closed.
    [InlineData(PetitionStatus.NotAccepted, new[] { WorkOrderStage.Closed })]
    [InlineData(PetitionStatus.LedIntoProcedure, new[] { WorkOrderStage.Closed })]
    public void A_petitions_status_is_told_as_the_stages_it_passed(PetitionStatus status, WorkOrderStage[] stages) =>
        StageOf.Petition(status).ShouldBe(stages);

    [Theory]
    [InlineData(RequestStatus.Submitted, new WorkOrderStage[0])]
    [InlineData(RequestStatus.InHandling, new[] { WorkOrderStage.Acknowledged })]
    [InlineData(RequestStatus.AwaitingMaterials, new[] { WorkOrderStage.Acknowledged })]
    [InlineData(RequestStatus.Concluded, new[] { WorkOrderStage.Acknowledged, WorkOrderStage.Replied })]
    [InlineData(RequestStatus.Closed, new[] { WorkOrderStage.Acknowledged, WorkOrderStage.Replied, WorkOrderStage.Closed })]
    public void A_desk_requests_status_is_told_as_the_stages_it_passed(RequestStatus status, WorkOrderStage[] stages) =>
        StageOf.DeskRequest(status).ShouldBe(stages);

    [Fact]
    public void The_wait_before_a_retry_doubles_up_to_its_cap()
    {
        var backoff = new CallbackBackoff(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), 10);
        Enumerable.Range(1, 6).Select(backoff.DelayAfter).ShouldBe(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)]);
    }

    [Fact]
    public void Two_failures_then_a_success_log_three_attempts_and_deliver_once()
    {
        var backoff = new CallbackBackoff(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), 10);
        var delivery = CallbackDelivery.Queue(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "GD-1", WorkOrderStage.Replied, "{}", Now);
        delivery.Record(500, "HTTP 500 Internal Server Error", Now, backoff).NextRetryAt.ShouldBe(Now.AddMinutes(1));
        delivery.Record(null, "connection refused", Now.AddMinutes(1), backoff).NextRetryAt.ShouldBe(Now.AddMinutes(3));
        delivery.Pending.ShouldBeTrue();
        delivery.Record(204, null, Now.AddMinutes(3), backoff).NextRetryAt.ShouldBeNull();
        delivery.DeliveredAt.ShouldBe(Now.AddMinutes(3));
        delivery.Pending.ShouldBeFalse();
        delivery.Attempts.Select(a => (a.Number, a.StatusCode)).ShouldBe([(1, (int?)500), (2, (int?)null), (3, (int?)204)]);
    }

    [Fact]
    public void After_the_last_allowed_attempt_a_message_is_abandoned_not_retried()
    {
        var backoff = new CallbackBackoff(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), 3);
        var delivery = CallbackDelivery.Queue(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "GD-1", WorkOrderStage.Replied, "{}", Now);
        for (var i = 0; i < 3; i++) delivery.Record(503, "HTTP 503", Now.AddMinutes(i), backoff);
        delivery.Abandoned.ShouldBeTrue();
        delivery.NextAttemptAt.ShouldBeNull();
        delivery.Attempts[^1].NextRetryAt.ShouldBeNull();
    }
}
