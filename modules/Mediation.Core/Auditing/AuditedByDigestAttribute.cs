namespace Mediation.Core.Auditing;

/// <summary>
/// A text the audit names by its length and SHA-256 whatever its length (as it names every text over
/// <see cref="AuditSaveChangesInterceptor.MaxTextLength"/> characters), for a text that is rendered from data audited elsewhere and
/// kept unchanged in its own row: the row keeps the words, the audit the proof of which words were written. A notice's body is
/// the case: a deadline storm wrote its 19,397 bodies twice, once in the notices and once, escaped, in their audit rows.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditedByDigestAttribute : Attribute;
