namespace Mediation.Core.Documents.Domain;

public static class DocumentsErrorCodes
{
    public const string TemplateError = "Documents:TemplateError";
    public const string TemplateOverBudget = "Documents:TemplateOverBudget";
    public const string FontMissing = "Documents:FontMissing";
    public const string NumberTaken = "Documents:NumberTaken";
    public const string TemplateVersionConflict = "Documents:TemplateVersionConflict";
    public const string NothingToVerify = "Documents:NothingToVerify";
}
