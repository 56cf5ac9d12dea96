using System.Reflection;
using Mediation.Core.Localization;
using Mediation.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace Mediation.Tests.Core;

public sealed partial class Localization_Tests
{
    private static readonly TextCatalog Catalog = BuildCatalog();

    private static TextCatalog BuildCatalog()
    {
        var services = new ServiceCollection();
        Mediation.Core.CoreServiceCollectionExtensions.AddMediationCore(services, new ConfigurationBuilder().Build(), HostModules.Create());
        return services.BuildServiceProvider().GetRequiredService<TextCatalog>();
    }

    [Fact]
    public void Both_languages_define_the_same_keys()
    {
        var zh = Catalog.TextsOf("zh-Hans").Keys.ToHashSet();
        var en = Catalog.TextsOf("en").Keys.ToHashSet();
        zh.Except(en).ShouldBeEmpty("keys missing in en.json");
        en.Except(zh).ShouldBeEmpty("keys missing in zh-Hans.json");
    }

    [Fact]
    public void Every_error_code_has_a_message_in_both_languages()
    {
        var codes = ErrorCodes().ToList();
        codes.ShouldNotBeEmpty();
        foreach (var culture in TextCatalog.SupportedCultures)
            codes.Where(c => !Catalog.TextsOf(culture).ContainsKey(c)).ShouldBeEmpty($"untranslated in {culture}");
    }

    // The timelines render L[$"{prefix}{kind}"]; a kind without a text would show its raw key to the user.
    [Theory]
    [InlineData("Mediation.Petitions.PetitionEventKind, Mediation.Petitions.Contracts", "PetitionsUi:Event:")]
    [InlineData("Mediation.Cases.CaseEventKind, Mediation.Cases.Contracts", "CasesUi:CaseEventKind:")]
    public void Every_timeline_event_kind_has_a_text_in_both_languages(string enumType, string prefix)
    {
        var kinds = Enum.GetNames(Type.GetType(enumType, throwOnError: true)!);
        kinds.ShouldNotBeEmpty();
        foreach (var culture in TextCatalog.SupportedCultures)
            kinds.Where(k => !Catalog.TextsOf(culture).ContainsKey(prefix + k)).ShouldBeEmpty($"timeline kinds without a text in {culture}");
    }

    // Deadline notices print a policy by this name (受理告知期限), never by its code.
    [Fact]
    public void Every_deadline_policy_has_a_name_in_both_languages()
    {
        var policies = HostModules.Create().Modules.SelectMany(m => m.DeadlinePolicies).Select(p => p.Name).ToList();
        policies.ShouldContain("petition.acceptance-notice");
        foreach (var culture in TextCatalog.SupportedCultures)
            policies.Where(p => !Catalog.TextsOf(culture).ContainsKey(Mediation.Web.Deadlines.DeadlineSweepJob.PolicyNameKey(p)))
                .ShouldBeEmpty($"deadline policies without a name in {culture}");
    }

    // A 404 names the record it did not find by L["Entity:" + name] ("未找到该记录（法律服务记录）"); a name without a text showed its key
    // ("未找到该记录（Entity:ServiceRecord）", outside probe). The names are those the code throws with, read from the sources.
    [Fact]
    public void Every_record_a_404_names_has_a_name_in_both_languages()
    {
        var root = Mediation.Tests.Architecture.KernelAssemblies.RepositoryRoot().FullName;
        var names = Directory.EnumerateFiles(Path.Combine(root, "modules"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "host"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ThrownEntityName().Matches(File.ReadAllText(f)).Select(m => m.Groups["nameof"].Success ? m.Groups["nameof"].Value : m.Groups["literal"].Value))
            .ToHashSet();
        names.ShouldContain("ServiceRecord");
        names.ShouldContain("Statistics.Figure");
        foreach (var culture in TextCatalog.SupportedCultures)
            names.Where(n => !Catalog.TextsOf(culture).ContainsKey("Entity:" + n)).Order().ShouldBeEmpty($"records a 404 names by their key in {culture}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("""new EntityNotFoundException\((?:nameof\((?:\w+\.)*(?<nameof>\w+)\)|"(?<literal>[^"]+)")""")]
    private static partial System.Text.RegularExpressions.Regex ThrownEntityName();

    [Fact]
    public void Chinese_is_the_default_and_chinese_variants_fall_back_to_it()
    {
        TextCatalog.Resolve(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("zh-Hans");
        TextCatalog.Resolve(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")).ShouldBe("zh-Hans");
        TextCatalog.Resolve(System.Globalization.CultureInfo.GetCultureInfo("en-GB")).ShouldBe("en");
    }

    private static IEnumerable<string> ErrorCodes()
    {
        var assemblies = HostModules.Create().Modules.Select(m => m.GetType().Assembly)
            .SelectMany(a => new[] { a }.Concat(a.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Mediation.", StringComparison.Ordinal)).Select(Assembly.Load)))
            .Distinct();
        return assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal) || t.DeclaringType?.Name.EndsWith("ErrorCodes", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
    }
}
