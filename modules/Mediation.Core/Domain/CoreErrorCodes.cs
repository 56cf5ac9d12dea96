namespace Mediation.Core.Domain;

public static class CoreErrorCodes
{
    public const string BusinessRuleViolated = "Core:BusinessRuleViolated";
    public const string ValidationFailed = "Core:ValidationFailed";
    public const string EntityNotFound = "Core:EntityNotFound";
    public const string ConcurrencyConflict = "Core:ConcurrencyConflict";
    public const string ConcurrencyStampRequired = "Core:ConcurrencyStampRequired";
    public const string Forbidden = "Core:Forbidden";
    public const string Unauthorized = "Core:Unauthorized";
    public const string MalformedRequest = "Core:MalformedRequest";
    public const string RouteNotFound = "Core:RouteNotFound";
    public const string MethodNotAllowed = "Core:MethodNotAllowed";
    public const string UnsupportedMediaType = "Core:UnsupportedMediaType";
    public const string InternalError = "Core:InternalError";
    public const string PayloadTooLarge = "Core:PayloadTooLarge";
    public const string RequestRejected = "Core:RequestRejected";
    public const string AntiforgeryTokenMissing = "Core:AntiforgeryTokenMissing";
    public const string FormTokenMissing = "Core:FormTokenMissing";
    public const string IdempotencyKeyInvalid = "Core:IdempotencyKeyInvalid";
    public const string IdempotencyKeyReused = "Core:IdempotencyKeyReused";
    public const string IdempotencyInProgress = "Core:IdempotencyInProgress";

    public static class Validation
    {
        public const string Required = "Core:Validation:Required";
        public const string MaxLength = "Core:Validation:MaxLength";
        public const string Pattern = "Core:Validation:Pattern";
        public const string OutOfRange = "Core:Validation:OutOfRange";
        public const string NotAMember = "Core:Validation:NotAMember";
        public const string InvalidText = "Core:Validation:InvalidText";
        public const string DateTooEarly = "Core:Validation:DateTooEarly";
        public const string DateInFuture = "Core:Validation:DateInFuture";
        public const string DateTooLate = "Core:Validation:DateTooLate";
        public const string WrongFormat = "Core:Validation:WrongFormat";
    }
}
