using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.ServiceDesk.Domain;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>Enterprises sign up, the desk approves them, their admins add colleagues; each account belongs to one enterprise.</summary>
internal sealed class EnterpriseAppService(MediationDbContext db, DeskScope scope, IOutsideAccounts accounts, PersonalDataProtector protector,
    SecurityAuditLog auditLog, ICurrentUser user, TimeProvider clock, IUserDirectory users)
{
    private static readonly string[] RevealedFields = ["contactPhone"];

    public async Task<EnterpriseDto> SignUpAsync(EnterpriseSignUpInput input, CancellationToken ct)
    {
        var check = new InputValidator()
            .Required(input.CreditCode, "creditCode")
            .Required(input.Name, "name").MaxLength(input.Name, 200, "name")
            .Required(input.LegalRepresentative, "legalRepresentative").MaxLength(input.LegalRepresentative, 100, "legalRepresentative")
            .Required(input.ContactName, "contactName").MaxLength(input.ContactName, 100, "contactName")
            .Required(input.ContactPhone, "contactPhone")
            .MaxLength(input.Address, 300, "address")
            .Required(input.UserName, "userName").MaxLength(input.UserName, 64, "userName")
            .Required(input.Password, "password").MaxLength(input.Password, 128, "password")
            .MaxLength(input.DisplayName, 100, "displayName");
        if (input.CreditCode is { Length: > 0 } code && !ChineseIdentifiers.IsValidCreditCode(ChineseIdentifiers.Normalize(code)))
            check.Add("creditCode", ServiceDeskErrorCodes.CreditCodeInvalid);
        if (input.ContactPhone is { Length: > 0 } phone && !ChineseIdentifiers.IsValidMobile(phone.Trim()))
            check.Add("contactPhone", ServiceDeskErrorCodes.PhoneInvalid);
        check.ThrowIfInvalid();
        var creditCode = ChineseIdentifiers.Normalize(input.CreditCode!);
        var userName = input.UserName!.Trim();
        if (await db.Set<Enterprise>().IgnoreQueryFilters().AnyAsync(e => e.CreditCode == creditCode, ct))
            throw new ConflictException(ServiceDeskErrorCodes.CreditCodeTaken);
        await accounts.ValidateAsync(userName, input.Password!, "password", ct);
        var deskUnitId = await scope.DeskUnitIdAsync(ct);
        var now = clock.GetUtcNow();

        var enterprise = Enterprise.SignUp(Guid.CreateVersion7(), deskUnitId, creditCode, input.Name!.Trim(), input.LegalRepresentative!.Trim(),
            input.ContactName!.Trim(), protector.Protect(PersonalDataKind.Mobile, input.ContactPhone!.Trim()), input.Address?.Trim(), now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var userId = await accounts.CreateAsync(userName, input.DisplayName?.Trim() is { Length: > 0 } shown ? shown : input.ContactName!.Trim(),
            input.Password!, deskUnitId, RoleNames.EnterpriseUser, ct);
        enterprise.AddMember(userId, userName, isAdmin: true, now);
        db.Add(enterprise);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(enterprise, ct);
    }

    public async Task<EnterpriseDto> MineAsync(CancellationToken ct) => await ToDtoAsync(await scope.MyEnterpriseAsync(ct), ct);

    public async Task<EnterpriseDto> AddColleagueAsync(AddColleagueInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.UserName, "userName").MaxLength(input.UserName, 64, "userName")
            .Required(input.DisplayName, "displayName").MaxLength(input.DisplayName, 100, "displayName")
            .Required(input.Password, "password").MaxLength(input.Password, 128, "password")
            .ThrowIfInvalid();
        var enterprise = await scope.MyEnterpriseAsync(ct);
        enterprise.EnsureMayAddColleague(scope.UserId);
        var userName = input.UserName!.Trim();
        await accounts.ValidateAsync(userName, input.Password!, "password", ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var userId = await accounts.CreateAsync(userName, input.DisplayName!.Trim(), input.Password!, enterprise.OrgUnitId, RoleNames.EnterpriseUser, ct);
        enterprise.AddMember(userId, userName, isAdmin: false, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(enterprise, ct);
    }

    public async Task<PagedList<EnterpriseDto>> ListAsync(EnterpriseStatus? status, Paging paging, CancellationToken ct)
    {
        var query = db.Set<Enterprise>().AsNoTracking();
        if (status is { } s) query = query.Where(e => e.Status == s);
        var page = await query.OrderByDescending(e => e.SignedUpAt).ThenBy(e => e.Id).ToPagedListAsync(paging, ct);
        var deciders = await users.DescribeActorsAsync(page.Items.Select(e => e.DecidedBy), ct);
        return page.Map(e => ToDto(e, deciders));
    }

    public async Task<EnterpriseDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await scope.StaffEnterpriseAsync(id, ct), ct);

    public async Task<EnterpriseDto> DecideAsync(Guid id, DecideEnterpriseInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Approve, "approve").MaxLength(input.Reason, 500, "reason");
        if (input.Approve is false) check.Required(input.Reason, "reason");
        check.ThrowIfInvalid();
        var enterprise = await scope.StaffEnterpriseAsync(id, ct);
        db.ExpectConcurrencyStamp(enterprise, input.ConcurrencyStamp);
        if (input.Approve!.Value) enterprise.Approve(user.UserName, clock.GetUtcNow());
        else enterprise.Reject(input.Reason!.Trim(), user.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(enterprise, ct);
    }

    public async Task<string> RevealPhoneAsync(Guid id, CancellationToken ct)
    {
        var enterprise = await scope.StaffEnterpriseAsync(id, ct);
        await auditLog.WriteAsync(AuditActions.PersonalDataRevealed, new { fields = RevealedFields }, entityType: nameof(Enterprise),
            entityId: id.ToString(), ct: ct);
        return protector.Decrypt(enterprise.ContactPhoneCipher);
    }

    private async Task<EnterpriseDto> ToDtoAsync(Enterprise e, CancellationToken ct) => ToDto(e, await users.DescribeActorsAsync([e.DecidedBy], ct));

    /// <summary><paramref name="deciders"/>: the desk officers who decided, named in the response's one directory query.</summary>
    private static EnterpriseDto ToDto(Enterprise e, IReadOnlyDictionary<string, ActorInfo> deciders) => new(e.Id, e.CreditCode, e.Name,
        e.LegalRepresentative, e.ContactName, e.ContactPhoneMasked, e.Address, e.Status, e.SignedUpAt, e.DecidedBy, e.DecidedAt, e.RejectionReason,
        e.Members.Select(m => new EnterpriseMemberDto(m.UserId, m.UserName, m.IsAdmin)).ToList(), e.ConcurrencyStamp,
        deciders.Named(e.DecidedBy)?.DisplayName, deciders.Named(e.DecidedBy)?.UnitName);
}
