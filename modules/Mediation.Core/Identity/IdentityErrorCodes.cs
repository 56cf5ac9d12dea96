namespace Mediation.Core.Identity;

public static class IdentityErrorCodes
{
    public const string InvalidCredentials = "Identity:InvalidCredentials";
    public const string LockedOut = "Identity:LockedOut";
    public const string TooManySignInAttempts = "Identity:TooManySignInAttempts";
    public const string TwoFactorRequired = "Identity:TwoFactorRequired";
    public const string InvalidTwoFactorCode = "Identity:InvalidTwoFactorCode";
    public const string NoTwoFactorSetupPending = "Identity:NoTwoFactorSetupPending";
    public const string AdminDutiesSeparated = "Identity:AdminDutiesSeparated";
    public const string DutyPermissionNotGrantable = "Identity:DutyPermissionNotGrantable";
    public const string UnknownRole = "Identity:UnknownRole";
    public const string UnknownPermission = "Identity:UnknownPermission";
    public const string UserNameTaken = "Identity:UserNameTaken";
    public const string PasswordRejected = "Identity:PasswordRejected";
    public const string InvalidIdCardNumber = "Identity:InvalidIdCardNumber";
    public const string InvalidMobile = "Identity:InvalidMobile";
    public const string InvalidCreditCode = "Identity:InvalidCreditCode";
}
