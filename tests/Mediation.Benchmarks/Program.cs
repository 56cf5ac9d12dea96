using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Mediation.Benchmarks;

try
{
    new DocumentBenchmarks().PrintSizes();
}
catch (Mediation.Core.Domain.BusinessException ex)
{
    Console.Error.WriteLine(ex.Code + ": " + string.Join(", ", ex.Parameters.Select(p => $"{p.Key}={p.Value}")));
    return 1;
}
if (args.Contains("--modes"))
{
    var bench = new DocumentBenchmarks();
    bench.Setup();
    foreach (var mode in new[] { 1, 2, 3, 4, 6 })
    {
        var writer = new Mediation.Core.Documents.Layout.PdfDocumentWriter(bench.Family) { CompressionLevel = mode };
        var spec = bench.AgreementSpec();
        var size = writer.Write(spec).Length;
        for (var i = 0; i < 10; i++) writer.Write(spec);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 40; i++) writer.Write(spec);
        Console.WriteLine($"{mode}: {size} bytes, {watch.Elapsed.TotalMilliseconds / 40:0.0} ms");
    }
    var w = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < 40; i++) bench.AgreementSpec();
    Console.WriteLine($"template only: {w.Elapsed.TotalMilliseconds / 40:0.00} ms");
    w.Restart();
    for (var i = 0; i < 40; i++) bench.BarePage();
    Console.WriteLine($"bare page: {w.Elapsed.TotalMilliseconds / 40:0.00} ms");
    return 0;
}
var quick = args.Contains("--quick");
// In-process: no second build of the project on a 2-core machine; the numbers are for one thread.
var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
BenchmarkRunner.Run<DocumentBenchmarks>(DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator),
    args.Where(a => a != "--quick").ToArray());
return 0;
