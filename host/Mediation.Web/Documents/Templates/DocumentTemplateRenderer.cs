using System.Collections;
using System.Globalization;
using System.Text.Json;
using Mediation.Core.Documents.Domain;
using Mediation.Core.Documents.Layout;
using Mediation.Core.Domain;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using Mediation.Core.Documents.Templates;

namespace Mediation.Web.Documents.Templates;

/// <summary>
/// Renders a Scriban template (zh-CN culture, strict variables, bounded loops) into
/// <see cref="DocumentMarkup"/> and from there into a <see cref="DocumentSpec"/>. Any failure is a
/// <see cref="DocumentsErrorCodes.TemplateError"/> naming the template and line, never a broken PDF.
/// </summary>
public static class DocumentTemplateRenderer
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private const int MaxCachedTemplates = 64;

    // Parsing costs about ten times a render; templates change rarely, so the parsed form is kept by text.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Text), Template> Parsed = new();

    /// <summary>Parses only: used before an edited template is saved.</summary>
    public static void Validate(string templateName, string text) => Parse(templateName, text);

    // An edited template runs on the server (issue 12 item 15): it gets a time budget and an output cap. A thousand
    // pages of markup is far beyond any real document; a real one renders in well under a millisecond.
    public const int MaxOutputCharacters = 1_000_000;
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(3);

    public static DocumentSpec Render(string templateName, string text, IReadOnlyDictionary<string, object?> model)
    {
        var template = Parse(templateName, text);
        var globals = new ScriptObject();
        foreach (var (key, value) in model) globals[key] = ToScript(value);

        var context = new BudgetedContext(TimeBudget)
        {
            StrictVariables = true,
            LoopLimit = 5_000,
            RecursiveLimit = 50,
            LimitToString = 100_000,
            // Without its own limit Scriban cuts the whole output at LimitToString, silently; a cut document is worse than none.
            OutputLimit = MaxOutputCharacters,
            OnOutputLimit = ScriptLimitBehavior.Throw,
        };
        context.PushCulture(Chinese);
        context.PushGlobal(globals);

        string markup;
        try
        {
            markup = template.Render(context);
        }
        catch (Exception) when (context.OverTime)
        {
            throw OverBudget(templateName);
        }
        catch (ScriptRuntimeException ex) when (ex.OriginalMessage.Contains(nameof(TemplateContext.OutputLimit), StringComparison.Ordinal))
        {
            throw OverBudget(templateName);
        }
        catch (ScriptRuntimeException ex)
        {
            throw Error(templateName, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1, ex.OriginalMessage);
        }
        return DocumentMarkup.Parse(markup, (line, message) => Error(templateName, line, 0, "output line " + line.ToString(CultureInfo.InvariantCulture) + ": " + message));
    }

    private static BusinessException OverBudget(string templateName) =>
        new(DocumentsErrorCodes.TemplateOverBudget, new Dictionary<string, object?>
        {
            ["template"] = templateName,
            ["seconds"] = (int)TimeBudget.TotalSeconds,
            ["characters"] = MaxOutputCharacters,
        });

    /// <summary>Stops a render past its time budget at the next node it evaluates, printing or not.</summary>
    private sealed class BudgetedContext(TimeSpan budget) : TemplateContext(TemplateFunctions.Builtins)
    {
        private readonly long _deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);

        public bool OverTime { get; private set; }

        private void CheckTime()
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() <= _deadline) return;
            OverTime = true;
            throw new TimeoutException("template render over its time budget");
        }

        protected override bool OnStepLoop(ScriptLoopStatementBase loop)
        {
            CheckTime();
            return base.OnStepLoop(loop);
        }

        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            CheckTime();
            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
    }

    private static Template Parse(string templateName, string text)
    {
        if (Parsed.TryGetValue((templateName, text), out var cached)) return cached;
        var template = Template.Parse(text, templateName);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw Error(templateName, first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
        }
        if (Parsed.Count >= MaxCachedTemplates) Parsed.Clear();
        Parsed[(templateName, text)] = template;
        return template;
    }

    public static BusinessException Error(string templateName, int line, int column, string message) =>
        new(DocumentsErrorCodes.TemplateError, new Dictionary<string, object?>
        {
            ["template"] = templateName,
            ["line"] = line,
            ["column"] = column,
            ["message"] = message,
        });

    /// <summary>Model values as Scriban sees them; text is escaped so a value can never become markup.</summary>
    internal static object? ToScript(object? value) => value switch
    {
        null => null,
        string s => DocumentMarkup.Escape(s),
        JsonElement json => FromJson(json),
        IReadOnlyDictionary<string, object?> map => ToScriptObject(map),
        IDictionary<string, object?> map => ToScriptObject(map.AsReadOnly()),
        IEnumerable list and not string => ToScriptArray(list),
        _ => value,
    };

    private static ScriptObject ToScriptObject(IReadOnlyDictionary<string, object?> map)
    {
        var result = new ScriptObject();
        foreach (var (key, item) in map) result[key] = ToScript(item);
        return result;
    }

    private static ScriptArray ToScriptArray(IEnumerable list)
    {
        var result = new ScriptArray();
        foreach (var item in list) result.Add(ToScript(item));
        return result;
    }

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => DocumentMarkup.Escape(json.GetString()!),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? l : json.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => ToScriptObject(json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value)),
        JsonValueKind.Array => ToScriptArray(json.EnumerateArray().Select(e => (object?)e).ToList()),
        _ => null,
    };
}
