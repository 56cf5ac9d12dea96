using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Mediation.Tests.Api.GeneratedClient;

/// <summary>
/// Issue 19: the C# client an integrator would generate from /openapi/v1.json (NSwag, one class, methods named by operationId),
/// compiled with <c>RoundTrip.cs</c> in memory. A document the generator cannot turn into compiling code fails here, listing the
/// compiler's errors; fix the contract (ApiContract, the OpenAPI transformers), not the generated code.
/// </summary>
internal static class GeneratedClient
{
    public const string Namespace = "GeneratedMediationClient";

    // SQLite and PostgreSQL serve the same document: generate and compile it once per run.
    private static readonly ConcurrentDictionary<string, Lazy<Task<Assembly>>> Compiled = new(StringComparer.Ordinal);

    public static Task<Assembly> CompileAsync(string document) =>
        Compiled.GetOrAdd(document, d => new Lazy<Task<Assembly>>(() => Task.Run(() => BuildAsync(d)))).Value;

    public static async Task<string> GenerateAsync(string document)
    {
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "MediationClient",
            UseBaseUrl = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        // "format: date" is a calendar day (DateOnly on the server); a DateTimeOffset would send a time and an offset.
        settings.CSharpGeneratorSettings.DateType = "System.DateOnly";
        return new CSharpClientGenerator(await OpenApiDocument.FromJsonAsync(document), settings).GenerateFile();
    }

    private static async Task<Assembly> BuildAsync(string document)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(await GenerateAsync(document), parse, "MediationClient.g.cs"),
            CSharpSyntaxTree.ParseText(RoundTripSource(), parse, "RoundTrip.cs"),
        };
        var compilation = CSharpCompilation.Create("GeneratedMediationClient", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(d => d.ToString()).ToList();
        if (!result.Success) throw new InvalidOperationException("The client generated from the document does not compile:\n" + string.Join("\n", errors));
        return Assembly.Load(image.ToArray());
    }

    /// <summary>The test process's own assemblies: the framework, System.Text.Json, Shouldly and this test assembly (Eventually).</summary>
    private static List<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Shouldly.ShouldAssertException).Assembly.Location).Append(typeof(GeneratedClient).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static string RoundTripSource()
    {
        using var stream = typeof(GeneratedClient).Assembly.GetManifestResourceStream("GeneratedClient.RoundTrip.cs")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
