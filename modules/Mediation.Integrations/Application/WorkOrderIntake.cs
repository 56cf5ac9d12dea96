using System.Security.Claims;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Integrations.Domain;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Integrations.Application;

/// <summary>
/// A work order pushed by an integrating system, authenticated by its API key: checked whole before anything is written, then registered
/// as a petition (转送 under the work order's number, 信访工作条例 Art. 23 ¶1) or a desk request through those modules' contracts, in one
/// transaction with the work order row. A repeated push of the same number by the same system answers the first record and writes nothing.
/// </summary>
internal sealed class WorkOrderIntake(
    MediationDbContext db, IOrgUnitDirectory units, PersonalDataProtector protector, IHttpContextAccessor http,
    IPetitionReferralIntegrationService petitions, IDeskRequestIntakeIntegrationService desk, TimeProvider clock)
{
    public const string AuthenticationType = "IntegrationApiKey";

    public async Task<(WorkOrderDto WorkOrder, bool Created)> ReceiveAsync(string? apiKey, WorkOrderInput input, CancellationToken ct)
    {
        var system = await AuthenticateAsync(apiKey, ct);
        var number = WorkOrderNumbers.Normalize(input.Number);
        if (number is not null && await ExistingAsync(system.Id, number, ct) is { } existing) return (existing, false);

        var unit = await CheckAsync(system, input, ct);
        ActAs(system, unit);
        var now = clock.GetUtcNow();
        var phone = protector.Protect(PersonalDataKind.Mobile, input.Caller!.Phone!.Trim());
        var content = input.Content!.Trim();
        var category = input.Category!.Trim();
        var channel = input.Channel!.Trim();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (recordId, recordNumber) = input.Kind switch
            {
                WorkOrderKind.Petition => await ReferPetitionAsync(system, unit, number!, input, content, ct),
                _ => await FileDeskRequestAsync(unit, number!, channel, category, content, input, ct),
            };
            var workOrder = WorkOrder.Receive(Guid.CreateVersion7(), system.Id, number!, input.Kind!.Value, channel, input.Caller.Name!.Trim(), phone,
                content, category, unit.Id, unit.Code, input.DueAt!.Value.ToUniversalTime(), recordId, recordNumber, now);
            db.Add(workOrder);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (ToDto(workOrder), true);
        }
        catch (DbUpdateException)
        {
            // The same number pushed twice at once: the unique key let one through (its transaction is rolled back), the other answers it.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(system.Id, number!, ct) is { } first) return (first, false);
            throw;
        }
    }

    private async Task<IntegratingSystem> AuthenticateAsync(string? apiKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 200) throw new ApiKeyRefusedException(IntegrationsErrorCodes.ApiKeyInvalid);
        var hash = ApiKeys.Hash(apiKey);
        var system = await db.Set<IntegratingSystem>().SingleOrDefaultAsync(s => s.ApiKeyHash == hash, ct)
            ?? throw new ApiKeyRefusedException(IntegrationsErrorCodes.ApiKeyInvalid);
        if (!system.Enabled) throw new ForbiddenException(IntegrationsErrorCodes.SystemDisabled);
        return system;
    }

    private async Task<WorkOrderDto?> ExistingAsync(Guid systemId, string number, CancellationToken ct) =>
        await db.Set<WorkOrder>().AsNoTracking().Where(w => w.SystemId == systemId && w.Number == number).SingleOrDefaultAsync(ct) is { } found
            ? ToDto(found)
            : null;

    /// <summary>Every field, the unit and the scope, before the first write.</summary>
    private async Task<OrgUnitInfo> CheckAsync(IntegratingSystem system, WorkOrderInput input, CancellationToken ct)
    {
        var check = new InputValidator()
            .Required(input.Number, "number")
            .Required(input.Kind, "kind")
            .Required(input.Channel, "channel").MaxLength(input.Channel?.Trim(), WorkOrder.ChannelMaxLength, "channel")
            .Required(input.Content, "content").MaxLength(input.Content?.Trim(), WorkOrder.ContentMaxLength, "content")
            .Required(input.Category, "category").MaxLength(input.Category?.Trim(), WorkOrder.CategoryMaxLength, "category")
            .Required(input.OrgUnitCode, "orgUnitCode").MaxLength(input.OrgUnitCode, 50, "orgUnitCode")
            .Required(input.DueAt, "dueAt")
            .Required(input.Caller?.Name, "caller.name").MaxLength(input.Caller?.Name?.Trim(), WorkOrder.CallerNameMaxLength, "caller.name")
            .Required(input.Caller?.Phone, "caller.phone");
        if (input.Number is not null && !WorkOrderNumbers.IsValid(input.Number))
            check.Add("number", IntegrationsErrorCodes.NumberInvalid, ("max", WorkOrderNumbers.MaxLength));
        if (input.Caller?.Phone is { Length: > 0 } phone && !ChineseIdentifiers.IsValidMobile(phone.Trim()))
            check.Add("caller.phone", IdentityErrorCodes.InvalidMobile);
        if (input.DueAt is { } due && due <= clock.GetUtcNow()) check.Add("dueAt", IntegrationsErrorCodes.DueInPast);
        if (input.Kind is WorkOrderKind.DeskRequest)
        {
            if (string.IsNullOrWhiteSpace(input.EnterpriseCreditCode)) check.Add("enterpriseCreditCode", IntegrationsErrorCodes.EnterpriseCodeRequired);
            else if (!ChineseIdentifiers.IsValidCreditCode(ChineseIdentifiers.Normalize(input.EnterpriseCreditCode)))
                check.Add("enterpriseCreditCode", IntegrationsErrorCodes.EnterpriseUnknown);
        }
        var unit = input.OrgUnitCode is { Length: > 0 and <= 50 } code ? await units.FindByCodeAsync(code.Trim(), ct) : null;
        if (input.OrgUnitCode is { Length: > 0 } && unit is null) check.Add("orgUnitCode", IntegrationsErrorCodes.UnitUnknown);
        check.ThrowIfInvalid();
        if (!await CoversAsync(system, unit!, ct)) throw new ForbiddenException(IntegrationsErrorCodes.UnitOutsideScope);
        return unit!;
    }

    private async Task<bool> CoversAsync(IntegratingSystem system, OrgUnitInfo unit, CancellationToken ct)
    {
        var paths = new List<string>();
        foreach (var scoped in system.Scope)
            if (await units.FindAsync(scoped.OrgUnitId, ct) is { IsActive: true } found) paths.Add(found.Path);
        return unit.IsActive && IntegratingSystem.Covers(paths, unit.Path);
    }

    /// <summary>
    /// The records are written as the system acting in the receiving unit: the data scope is that unit's, and the audit trail, the
    /// petition's 登记人 and the desk request's filer name the system. It holds no permission, so nothing else opens to it.
    /// </summary>
    private void ActAs(IntegratingSystem system, OrgUnitInfo unit)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("A work order arrives in a request.");
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(MediationClaimTypes.UserName, system.Name),
            new Claim(MediationClaimTypes.DisplayName, system.Name),
            new Claim(MediationClaimTypes.OrgUnitId, unit.Id.ToString()),
            new Claim(MediationClaimTypes.OrgUnitPath, unit.Path),
            new Claim(MediationClaimTypes.OrgUnitName, unit.Name),
        ], AuthenticationType, MediationClaimTypes.UserName, ClaimTypes.Role));
    }

    private async Task<(Guid, string)> ReferPetitionAsync(IntegratingSystem system, OrgUnitInfo unit, string number, WorkOrderInput input, string content,
        CancellationToken ct)
    {
        var referred = await petitions.ReferAsync(new ReferPetitionRequest(unit.Id, system.Name, number,
            [new PetitionerInput(input.Caller!.Name!.Trim(), null, input.Caller.Phone!.Trim(), null)], content, null, null), ct);
        return (referred.PetitionId, referred.Number);
    }

    private async Task<(Guid, string)> FileDeskRequestAsync(OrgUnitInfo unit, string number, string channel, string category, string content,
        WorkOrderInput input, CancellationToken ct)
    {
        var title = $"{category}（{channel}工单{number}）";
        var filed = await desk.FileAsync(new ChannelDeskRequest(input.EnterpriseCreditCode!, unit.Id, RequestKind.ServiceRequest,
            title.Length > 200 ? title[..200] : title, content, input.Urgent is true), ct)
            ?? throw new InputValidationException([new FieldError("enterpriseCreditCode", IntegrationsErrorCodes.EnterpriseUnknown, new Dictionary<string, object?>())]);
        return (filed.RequestId, filed.Number);
    }

    internal static WorkOrderDto ToDto(WorkOrder w) => new(w.Id, w.Number, w.Kind, w.Channel, w.CallerName, w.CallerPhoneMasked, w.Category, w.OrgUnitCode,
        w.DueAt, w.RecordId, w.RecordNumber, w.Stage, w.ReceivedAt);
}

/// <summary>No key, or one no system holds: 401, as a missing sign-in is, with a code of its own.</summary>
internal sealed class ApiKeyRefusedException(string code) : BusinessException(code)
{
    public override int HttpStatus => 401;
}
