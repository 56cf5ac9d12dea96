using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mediation.Host;

/// <summary>
/// Readiness as JSON: overall status and each check's status. The descriptions name folders and files on the server,
/// so only a signed-in caller (an operator) reads them; a load balancer needs the status alone.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = signedIn ? e.Value.Description : null }),
        });
    }
}
