using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Integrations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Integrations.Application;

/// <summary>The administrator's registry of integrating systems and the log of the callbacks sent to them.</summary>
internal sealed class SystemAppService(MediationDbContext db, IOrgUnitDirectory units, PersonalDataProtector protector, ICurrentUser user, TimeProvider clock,
    IUserDirectory users)
{
    public async Task<RegisteredSystemDto> RegisterAsync(RegisterSystemInput input, CancellationToken ct)
    {
        var (name, url, scope) = await CheckAsync(input.Name, input.CallbackUrl, input.OrgUnitCodes, null, ct);
        var key = ApiKeys.Issue();
        var secret = ApiKeys.NewCallbackSecret();
        var system = IntegratingSystem.Register(Guid.CreateVersion7(), name, key, protector.Encrypt(secret), url, scope.Select(u => u.Id).ToList(),
            user.UserName, clock.GetUtcNow());
        if (input.Enabled is false) system.Disable();
        db.Add(system);
        await db.SaveChangesAsync(ct);
        return new RegisteredSystemDto(ToDto(system, scope, await CreatorsAsync([system], ct)), key.Key, secret);
    }

    public async Task<IntegratingSystemDto> UpdateAsync(Guid id, UpdateSystemInput input, CancellationToken ct)
    {
        var system = await FindAsync(id, ct);
        db.ExpectConcurrencyStamp(system, input.ConcurrencyStamp);
        var (name, url, scope) = await CheckAsync(input.Name, input.CallbackUrl, input.OrgUnitCodes, id, ct);
        system.Change(name, url, scope.Select(u => u.Id).ToList(), input.Enabled ?? system.Enabled);
        await db.SaveChangesAsync(ct);
        return ToDto(system, scope, await CreatorsAsync([system], ct));
    }

    public async Task<IntegratingSystemDto> GetAsync(Guid id, CancellationToken ct)
    {
        var system = await FindAsync(id, ct);
        return ToDto(system, await ScopeOfAsync(system, ct), await CreatorsAsync([system], ct));
    }

    public async Task<PagedList<IntegratingSystemDto>> ListAsync(Paging paging, CancellationToken ct)
    {
        var page = await db.Set<IntegratingSystem>().AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToPagedListAsync(paging, ct);
        var items = new List<IntegratingSystemDto>(page.Items.Count);
        var creators = await CreatorsAsync(page.Items, ct);
        foreach (var system in page.Items) items.Add(ToDto(system, await ScopeOfAsync(system, ct), creators));
        return new PagedList<IntegratingSystemDto>(items, page.Page, page.PageSize, page.Total);
    }

    /// <summary>The delivery log, newest message first, each with its attempts.</summary>
    public async Task<PagedList<CallbackDeliveryDto>> DeliveriesAsync(Guid? systemId, Paging paging, CancellationToken ct)
    {
        var page = await db.Set<CallbackDelivery>().AsNoTracking().Where(d => systemId == null || d.SystemId == systemId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToPagedListAsync(paging, ct);
        var systemIds = page.Items.Select(d => d.SystemId).Distinct().ToList();
        var names = await db.Set<IntegratingSystem>().AsNoTracking().Where(s => systemIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return new PagedList<CallbackDeliveryDto>(page.Items.Select(d => ToDto(d, names.GetValueOrDefault(d.SystemId, ""))).ToList(),
            page.Page, page.PageSize, page.Total);
    }

    internal static CallbackDeliveryDto ToDto(CallbackDelivery d, string systemName) => new(d.Id, d.SystemId, systemName, d.WorkOrderNumber, d.Stage,
        d.CreatedAt, d.DeliveredAt, d.Abandoned, d.NextAttemptAt,
        d.Attempts.OrderBy(a => a.Number).Select(a => new CallbackAttemptDto(a.Number, a.At, a.StatusCode, a.Error, a.NextRetryAt)).ToList());

    private async Task<IntegratingSystem> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<IntegratingSystem>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException(nameof(IntegratingSystem), id);

    private async Task<(string Name, Uri Url, List<OrgUnitInfo> Scope)> CheckAsync(string? name, string? callbackUrl, IReadOnlyList<string>? codes,
        Guid? self, CancellationToken ct)
    {
        var check = new InputValidator()
            .Required(name, "name").MaxLength(name?.Trim(), IntegratingSystem.NameMaxLength, "name")
            .Required(callbackUrl, "callbackUrl");
        if (!string.IsNullOrWhiteSpace(callbackUrl) && CallbackUrls.Parse(callbackUrl) is null) check.Add("callbackUrl", IntegrationsErrorCodes.CallbackUrlInvalid);
        var scope = new List<OrgUnitInfo>();
        if (codes is null || codes.Count == 0) check.Add("orgUnitCodes", IntegrationsErrorCodes.ScopeEmpty);
        else if (codes.Count > IntegratingSystem.MaxScopeUnits) check.Add("orgUnitCodes", CoreErrorCodes.Validation.MaxLength, ("max", IntegratingSystem.MaxScopeUnits));
        else
            for (var i = 0; i < codes.Count; i++)
            {
                var found = codes[i] is { Length: > 0 and <= 50 } code ? await units.FindByCodeAsync(code.Trim(), ct) : null;
                if (found is null) check.Add($"orgUnitCodes[{i}]", IntegrationsErrorCodes.UnitUnknown);
                else if (scope.All(u => u.Id != found.Id)) scope.Add(found);
            }
        check.ThrowIfInvalid();
        var trimmed = name!.Trim();
        if (await db.Set<IntegratingSystem>().AnyAsync(s => s.Name == trimmed && s.Id != self, ct))
            throw new ConflictException(IntegrationsErrorCodes.NameTaken);
        return (trimmed, CallbackUrls.Parse(callbackUrl)!, scope);
    }

    private async Task<List<OrgUnitInfo>> ScopeOfAsync(IntegratingSystem system, CancellationToken ct)
    {
        var scope = new List<OrgUnitInfo>();
        foreach (var unit in system.Scope)
            if (await units.FindAsync(unit.OrgUnitId, ct) is { } found) scope.Add(found);
        return scope;
    }

    /// <summary>The administrators who registered the systems, named in one directory query.</summary>
    private Task<IReadOnlyDictionary<string, ActorInfo>> CreatorsAsync(IEnumerable<IntegratingSystem> systems, CancellationToken ct) =>
        users.DescribeActorsAsync(systems.Select(s => s.CreatedBy), ct);

    private static IntegratingSystemDto ToDto(IntegratingSystem s, IReadOnlyList<OrgUnitInfo> scope, IReadOnlyDictionary<string, ActorInfo> creators) =>
        new(s.Id, s.Name, s.ApiKeyPrefix, s.CallbackUrl, scope.Select(u => new ScopeUnitDto(u.Id, u.Code, u.Name)).ToList(), s.Enabled, s.CreatedAt,
            s.CreatedBy, s.ConcurrencyStamp, creators.Named(s.CreatedBy)?.DisplayName, creators.Named(s.CreatedBy)?.UnitName);
}
