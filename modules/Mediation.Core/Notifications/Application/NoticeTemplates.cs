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
    private readonly ConcurrentDictionary<string, (Template Subject, Template Body)> _parsed = new(StringComparer.Ordinal);

    public RenderedNotice Render(string name, IReadOnlyDictionary<string, object?> model)
    {
        var (subject, body) = _parsed.GetOrAdd(name, Load);
        return new RenderedNotice(Render(subject, model).Trim(), Render(body, model).Trim());
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

    private static string Render(Template template, IReadOnlyDictionary<string, object?> model)
    {
        var globals = new ScriptObject();
        foreach (var (key, value) in model) globals.Add(key, value);
        var context = new TemplateContext(TemplateFunctions.Builtins) { StrictVariables = false };
        context.PushCulture(CultureInfo.GetCultureInfo("zh-CN"));
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
