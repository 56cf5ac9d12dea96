using Mediation.Core.Localization;

namespace Mediation.Core.Domain;

/// <summary>
/// A domain rule refused the operation. <see cref="Code"/> is stable ("Cases:AlreadyConcluded")
/// and is localized at the edge; <see cref="Parameters"/> fill the message's {placeholders}.
/// </summary>
public class BusinessException : Exception
{
    public BusinessException(string code, IReadOnlyDictionary<string, object?>? parameters = null)
        : base(code)
    {
        Code = code;
        Parameters = parameters ?? new Dictionary<string, object?>();
    }

    public BusinessException() : this(CoreErrorCodes.BusinessRuleViolated) { }

    public BusinessException(string message, Exception innerException) : base(message, innerException)
    {
        Code = CoreErrorCodes.BusinessRuleViolated;
        Parameters = new Dictionary<string, object?>();
    }

    public string Code { get; }

    public IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <summary>Status the edge answers with; a plain rule violation is 422, a state clash 409.</summary>
    public virtual int HttpStatus => 422;
}

public sealed class ConflictException(string code, IReadOnlyDictionary<string, object?>? parameters = null)
    : BusinessException(code, parameters)
{
    public override int HttpStatus => 409;
}

public sealed class EntityNotFoundException(string entityName, object id)
    : BusinessException(CoreErrorCodes.EntityNotFound, new Dictionary<string, object?> { ["entity"] = new LocalizableText("Entity:" + entityName), ["id"] = id })
{
    public override int HttpStatus => 404;
}

/// <summary>The caller is known but may not do this. Out-of-scope reads answer 404 instead, so ids do not leak.</summary>
public sealed class ForbiddenException(string code = CoreErrorCodes.Forbidden)
    : BusinessException(code)
{
    public override int HttpStatus => 403;
}

/// <summary>The caller could not be identified (wrong password, locked out, second factor missing).</summary>
public sealed class UnauthenticatedException(string code) : BusinessException(code)
{
    public override int HttpStatus => 401;
}

/// <summary>Too many attempts in a short time; the edge answers 429 with a Retry-After header.</summary>
public sealed class TooManyRequestsException(string code, TimeSpan retryAfter)
    : BusinessException(code, new Dictionary<string, object?> { ["seconds"] = RoundUp(retryAfter) })
{
    public override int HttpStatus => 429;

    public int RetryAfterSeconds => RoundUp(retryAfter);

    private static int RoundUp(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
