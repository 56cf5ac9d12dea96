using Mediation.Core.Data;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Data;

internal static class JointMeetingsQueries
{
    /// <summary>
    /// A task brings three owned collections (cooperating units, reports, supervisions); in one query their joins multiply the
    /// rows (EF warning 20504), so EF reads them in separate queries.
    /// </summary>
    public static IQueryable<AssignedTask> Tasks(this MediationDbContext db) => db.Set<AssignedTask>().AsSplitQuery();
}
