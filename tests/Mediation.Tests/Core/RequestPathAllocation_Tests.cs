using System.Buffers;
using System.Text;
using Mediation.Core.Auditing;
using Mediation.Core.Errors;
using Mediation.Core.Localization;
using Mediation.Host;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>
/// Issue 17: work every request or every audited property does without allocating. Counted with the thread's allocated bytes, which
/// are exact for the calling thread: no timing.
/// </summary>
public sealed class RequestPathAllocation_Tests
{
    [Fact]
    public void A_response_that_is_no_server_rejection_passes_the_connection_filter_without_a_copy()
    {
        var rejections = new ServerRejectionProblems(_ => Task.CompletedTask, new ProblemWriter(new TextCatalog([])));
        var created = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(
            "HTTP/1.1 201 Created\r\nContent-Length: 2345\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n\r\n"));
        var body = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"id\":\"0193\",\"number\":\"泰山信〔2026〕1号\"}"));
        rejections.Rewrite(created).ShouldBeNull();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var head = rejections.Rewrite(created);
        var rest = rejections.Rewrite(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
        head.ShouldBeNull();
        rest.ShouldBeNull();
    }

    [Fact]
    public void Telling_a_secret_property_allocates_nothing()
    {
        AuditSaveChangesInterceptor.IsSecret("IdCardCipher").ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var secret = AuditSaveChangesInterceptor.IsSecret("PhoneHash");
        var plain = AuditSaveChangesInterceptor.IsSecret("Matter");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
        secret.ShouldBeTrue();
        plain.ShouldBeFalse();
    }
}
