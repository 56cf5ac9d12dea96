using System.Collections.Concurrent;
using System.Globalization;
using Mediation.Core.Documents.Templates;
using Mediation.Core.Domain;
using Mediation.Core.Notifications.Domain;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Runtime;

namespace Mediation.Core.Notifications.Application;

public sealed record RenderedNotice(string Subject, string Body);

/// <summary>
/// Scriban templates from templates/notices/&lt;name&gt;.sbn: the first line is the subject, then a line
/// "---", then the body. Rendered in zh-CN with the shared template functions (cn_date: 2025年10月9日); parsed once per process.
/// </summary>
public sealed class NoticeTemplates(IOptions<NotificationOptions> options)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private readonly ConcurrentDictionary<string, (Template Subject, Template Body)> _parsed = new(StringComparer.Ordinal);

    // Contexts idle between renders. Building a TemplateContext (its stacks, caches and output) cost more than rendering a notice
    // into it, and a notice took two (subject, body): a deadline storm of 10,000 escalations built 20,000 (issue 17, P2). A context
    // serves one render at a time and is reset before each, so a render never sees what the one before it set.
    private readonly ConcurrentBag<Renderer> _idle = [];

    public RenderedNotice Render(string name, IReadOnlyDictionary<string, object?> model)
    {
        var (subject, body) = _parsed.GetOrAdd(name, Load);
        var renderer = _idle.TryTake(out var reused) ? reused : new Renderer();
        var rendered = new RenderedNotice(renderer.Render(subject, model).Trim(), renderer.Render(body, model).Trim());
        // Returned only after a render that ended normally: a context a template's error left midway is dropped, not reused.
        _idle.Add(renderer);
        return rendered;
    }

    private (Template, Template) Load(string name)
    {
        var path = Path.Combine(options.Value.ResolveTemplatesPath(), name + ".sbn");
        if (!File.Exists(path))
            throw new BusinessException(NotificationsErrorCodes.TemplateMissing, new Dictionary<string, object?> { ["template"] = name });
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (split < 0) throw new InvalidOperationException($"Notice template {path} needs a subject line, then ---, then the body.");
        return (Parse(text[..split], path), Parse(text[(split + 5)..], path));
    }

    private static Template Parse(string text, string path)
    {
        var template = Template.Parse(text, path);
        if (template.HasErrors) throw new InvalidOperationException($"Notice template {path}: {string.Join("; ", template.Messages)}");
        return template;
    }

    /// <summary>One reusable context and the globals it renders a model from; used by one render at a time.</summary>
    private sealed class Renderer
    {
        private readonly TemplateContext _context = new(TemplateFunctions.Builtins) { StrictVariables = false };
        private readonly ScriptObject _globals = new();

        public string Render(Template template, IReadOnlyDictionary<string, object?> model)
        {
            // Reset drops the output, the globals and cultures pushed before (all but the builtins) and any state a render left;
            // the globals are emptied too, since a template's top-level assignment lands in them.
            _context.Reset();
            _globals.Clear();
            foreach (var (key, value) in model) _globals.Add(key, value);
            _context.PushCulture(Chinese);
            _context.PushGlobal(_globals);
            return template.Render(_context);
        }
    }
}
