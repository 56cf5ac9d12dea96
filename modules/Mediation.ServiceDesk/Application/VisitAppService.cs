using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.ServiceDesk.Domain;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>大走访 visits; a problem raised there becomes a request taken by the officer in one step.</summary>
internal sealed class VisitAppService(MediationDbContext db, DeskScope scope, RequestAppService requests, ICurrentUser user, TimeProvider clock,
    IUserDirectory users)
{
    public async Task<VisitDto> RecordAsync(RecordEnterpriseVisitInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = new InputValidator()
            .Required(input.EnterpriseId, "enterpriseId")
            .Required(input.VisitedOn, "visitedOn").Happened(input.VisitedOn, now, "visitedOn")
            .Required(input.Visitors, "visitors").MaxLength(input.Visitors, 300, "visitors")
            .MaxLength(input.MetWith, 200, "metWith");
        var problems = input.Problems ?? [];
        if (problems.Count > 50) check.Add("problems", CoreErrorCodes.Validation.OutOfRange);
        for (var i = 0; i < problems.Count; i++)
            check.Required(problems[i].Description, $"problems[{i}].description").MaxLength(problems[i].Description, 2000, $"problems[{i}].description");
        check.ThrowIfInvalid();
        var enterprise = await scope.StaffEnterpriseAsync(input.EnterpriseId!.Value, ct);
        var visit = new Visit(Guid.CreateVersion7(), enterprise, input.VisitedOn!.Value, input.Visitors!.Trim(), input.MetWith?.Trim(),
            problems.Select(p => p.Description!.Trim()), user.UserName, now);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        return ToDto(visit, enterprise.Name, await users.DescribeActorsAsync([visit.RecordedBy], ct));
    }

    public async Task<PagedList<VisitDto>> ListAsync(Guid? enterpriseId, Paging paging, CancellationToken ct)
    {
        var query = db.Set<Visit>().AsNoTracking();
        if (enterpriseId is { } e) query = query.Where(v => v.EnterpriseId == e);
        var visits = await query.OrderByDescending(v => v.VisitedOn).ThenBy(v => v.Id).ToPagedListAsync(paging, ct);
        var ids = visits.Items.Select(v => v.EnterpriseId).Distinct().ToList();
        var names = await db.Set<Enterprise>().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var recorders = await users.DescribeActorsAsync(visits.Items.Select(v => v.RecordedBy), ct);
        return visits.Map(v => ToDto(v, names.GetValueOrDefault(v.EnterpriseId, "?"), recorders));
    }

    /// <summary>One step: the problem is filed as a request of the visited enterprise and taken by the officer who raises it.</summary>
    public async Task<DeskRequestDto> RaiseAsync(Guid visitId, int sequence, RaiseProblemInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Kind, "kind").MaxLength(input.Title, 200, "title").ThrowIfInvalid();
        var visit = await db.Set<Visit>().SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new EntityNotFoundException(nameof(Visit), visitId);
        var problem = visit.ProblemToRaise(sequence);
        var enterprise = await scope.StaffEnterpriseAsync(visit.EnterpriseId, ct);
        var title = string.IsNullOrWhiteSpace(input.Title) ? Shorten(problem.Description) : input.Title.Trim();
        var request = await requests.FileCoreAsync(enterprise, input.Kind!.Value, title, problem.Description, null, input.Urgent is true, [],
            async filed =>
            {
                var now = clock.GetUtcNow();
                filed.RaisedOnVisit(visit.Id, scope.Actor, now);
                problem.Raised(filed.Id, filed.Number);
                await db.SaveChangesAsync(ct);
                await requests.StartFeedbackAsync(filed, now, ct);
            }, ct);
        return await requests.ToDtoAsync(request, ct);
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static VisitDto ToDto(Visit v, string enterpriseName, IReadOnlyDictionary<string, ActorInfo> recorders) => new(v.Id, v.EnterpriseId,
        enterpriseName, v.VisitedOn, v.Visitors, v.MetWith, v.RecordedBy,
        v.Problems.OrderBy(p => p.Sequence).Select(p => new VisitProblemDto(p.Sequence, p.Description, p.RequestId, p.RequestNumber)).ToList(),
        v.ConcurrencyStamp, recorders.Named(v.RecordedBy)?.DisplayName, recorders.Named(v.RecordedBy)?.UnitName);
}
