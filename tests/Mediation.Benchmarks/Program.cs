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
if (args.Contains("--compression"))
{
    // PDFsharp's Flate modes (PdfDocumentWriter.Compression): size and CPU per document.
    var bench = new DocumentBenchmarks();
    bench.Setup();
    var writers = new (string, Mediation.Web.Documents.Layout.PdfDocumentWriter)[]
    {
        ("PDFsharp BestSpeed", new(bench.Family) { Compression = PdfSharp.Pdf.PdfFlateEncodeMode.BestSpeed }),
        ("PDFsharp Default", new(bench.Family) { Compression = PdfSharp.Pdf.PdfFlateEncodeMode.Default }),
        ("PDFsharp BestCompression", new(bench.Family) { Compression = PdfSharp.Pdf.PdfFlateEncodeMode.BestCompression }),
    };
    foreach (var (name, writer) in writers)
    {
        foreach (var (document, spec) in new[] { ("agreement", bench.AgreementSpec()), ("report", bench.ReportSpec) })
        {
            var bytes = writer.Write(spec);
            for (var i = 0; i < 5; i++) writer.Write(spec);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            const int n = 20;
            for (var i = 0; i < n; i++) writer.Write(spec);
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{name,-26} {document,-10} {bytes.Length,9:N0} bytes   cpu {used.TotalMilliseconds / n,6:0.0} ms/doc");
        }
    }
    return 0;
}
if (args.Contains("--cpu"))
{
    // CPU time per document on this thread: on a shared, overloaded machine wall-clock means little.
    // --rounds N measures every document N times in turn (1): a process's first rounds include its JIT's tiering, the later ones not.
    var bench = new DocumentBenchmarks();
    bench.Setup();
    var roundsArgument = Array.IndexOf(args, "--rounds");
    var rounds = roundsArgument >= 0 && roundsArgument + 1 < args.Length ? int.Parse(args[roundsArgument + 1], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var documents = new (string, Func<byte[]>)[] { ("bare PDFsharp page", bench.BarePage), ("2-page agreement", bench.Agreement), ("6-page report", bench.StatisticsReport) };
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var (name, run) in documents)
        {
            for (var i = 0; i < 20; i++) run();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var wall = System.Diagnostics.Stopwatch.StartNew();
            const int n = 100;
            for (var i = 0; i < n; i++) run();
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{(rounds > 1 ? $"round {round}  " : "")}{name,-20} cpu {used.TotalMilliseconds / n,6:0.0} ms/doc   wall {wall.Elapsed.TotalMilliseconds / n,6:0.0} ms/doc");
        }
    }
    return 0;
}
if (args.Contains("--notices"))
{
    // CPU per notice text as the deadline sweep renders an escalation (subject and body), on this thread, over varied models.
    var folder = Mediation.Core.Notifications.Application.NotificationOptions.BesideAppOrUpwards(
        Path.Combine("templates", "notices"), Path.Combine("templates", "notices"));
    var templates = new Mediation.Core.Notifications.Application.NoticeTemplates(Microsoft.Extensions.Options.Options.Create(
        new Mediation.Core.Notifications.Application.NotificationOptions { TemplatesPath = folder }));
    var models = Enumerable.Range(0, 1_000).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
    {
        ["step"] = "Urge", ["step_name"] = "催办", ["record"] = i % 3 == 0 ? "" : $"信访事项泰山信〔2026〕{i + 1}号", ["holder"] = i % 2 == 0 ? "" : "演示信访员",
        ["policy_name"] = "受理告知期限", ["policy_description"] = "信访工作条例（2022）第二十三条", ["with_time"] = i % 5 == 0,
        ["due_date"] = new DateTime(2026, 3, 1 + i % 28), ["due_at"] = new DateTime(2026, 3, 1 + i % 28, 9, 5, 0),
        ["unit_name"] = $"泰安市泰山区人民政府第{i % 40}街道办事处", ["supervisor_name"] = i % 7 == 0 ? "" : "泰安市泰山区人民政府",
        ["issued_on"] = new DateTime(2026, 3, 3 + i % 28),
    }).ToList();
    foreach (var model in models) templates.Render("deadline-escalation", model);
    for (var round = 0; round < 3; round++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        const int n = 10;
        for (var i = 0; i < n; i++)
            foreach (var model in models) templates.Render("deadline-escalation", model);
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var count = n * models.Count;
        Console.WriteLine($"deadline-escalation notice   cpu {used.TotalMicroseconds / count,6:0.0} µs/notice   " +
            $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / count,7:N0} bytes/notice");
    }
    return 0;
}
var quick = args.Contains("--quick");
// In-process: no second build of the project on a 2-core machine; the numbers are for one thread.
var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
BenchmarkRunner.Run<DocumentBenchmarks>(DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator),
    args.Where(a => a != "--quick").ToArray());
return 0;
