using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mediation.Core.Web.Pages;

/// <summary>
/// Labelled inputs whose error sits right under them and is tied to them (aria-describedby), for the modules' forms.
/// Plain markup rather than tag helpers because repeated rows (parties, terms, petitioners) are also cloned by script with a placeholder index.
/// </summary>
public static class FormHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string? ErrorOf(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static IHtmlContent Input(ModelStateDictionary state, string name, string id, string label, string? value, string type = "text",
        string? attributes = null) =>
        Wrap(state, name, id, label, $"<input type=\"{type}\" id=\"{E(id)}\" name=\"{E(name)}\" value=\"{E(value)}\"{Invalid(state, name, id)}{(attributes is null ? "" : " " + attributes)} />");

    public static IHtmlContent TextArea(ModelStateDictionary state, string name, string id, string label, string? value, int rows = 3) =>
        Wrap(state, name, id, label, $"<textarea id=\"{E(id)}\" name=\"{E(name)}\" rows=\"{rows}\"{Invalid(state, name, id)}>{E(value)}</textarea>");

    public static IHtmlContent Select(ModelStateDictionary state, string name, string id, string label, IEnumerable<(string Value, string Text)> options,
        string? selected, string? emptyText = null, string? attributes = null)
    {
        var html = new System.Text.StringBuilder($"<select id=\"{E(id)}\" name=\"{E(name)}\"{Invalid(state, name, id)}{(attributes is null ? "" : " " + attributes)}>");
        if (emptyText is not null) html.Append($"<option value=\"\">{E(emptyText)}</option>");
        foreach (var (value, text) in options)
            html.Append($"<option value=\"{E(value)}\"{(value == selected ? " selected" : "")}>{E(text)}</option>");
        html.Append("</select>");
        return Wrap(state, name, id, label, html.ToString());
    }

    public static IHtmlContent Checkbox(ModelStateDictionary state, string name, string id, string label, bool isChecked) =>
        new HtmlString($"<div class=\"field check\"><input type=\"checkbox\" id=\"{E(id)}\" name=\"{E(name)}\" value=\"true\"{(isChecked ? " checked" : "")}{Invalid(state, name, id)} />"
                       + $"<input type=\"hidden\" name=\"{E(name)}\" value=\"false\" /><label for=\"{E(id)}\">{E(label)}</label>{Error(state, name, id)}</div>");

    private static HtmlString Wrap(ModelStateDictionary state, string name, string id, string label, string control) =>
        new($"<div class=\"field\"><label for=\"{E(id)}\">{E(label)}</label>{control}{Error(state, name, id)}</div>");

    private static string Invalid(ModelStateDictionary state, string name, string id) =>
        ErrorOf(state, name) is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{E(id)}-error\"";

    private static string Error(ModelStateDictionary state, string name, string id) =>
        ErrorOf(state, name) is { } message ? $"<span class=\"field-error\" id=\"{E(id)}-error\">{E(message)}</span>" : "";

    private static string E(string? value) => value is null ? "" : Encoder.Encode(value);
}
