using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mediation.Core.Data;

namespace Mediation.Tests.Infrastructure;

/// <summary>
/// The built host (host/Mediation.Host/bin/&lt;configuration&gt;/net10.0/Mediation.Host.dll) as a child process on a real port,
/// so a test can kill it the way a crash does (SIGKILL: no shutdown, no flush, no disposal) and start it again on the same
/// database. Settings are passed as environment variables, with the test factory's defaults.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public HostProcess(DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "mediation-hosts", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        _settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = MediationAppFactory.DemoPassword,
            ["Hangfire:ServerEnabled"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["PersonalData:Keys:test1"] = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
            ["PersonalData:CurrentKeyId"] = "test1",
            ["PersonalData:HashKey"] = "ESIzRFVmd4iZqrvM3e7/ABEiM0RVZneImaq7zN3u/wA=",
            ["DataProtection:KeysPath"] = Path.Combine(data, "data-protection"),
            ["Audit:SealInterval"] = "00:00:00.200",
            ["Audit:SealDelay"] = "00:00:00.100",
            // Idle pollers back off as a deployment's do (issue 17, P5), but only to 2 s: what another host of a test, or a test by hand,
            // writes without waking this host's poller is sealed or delivered within that, not a deployment's 30 s.
            ["Audit:MaxSealInterval"] = "00:00:02",
            ["Outbox:MaxPollInterval"] = "00:00:02",
            ["Identity:SignInRateLimit:PerAddress"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static string HostDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name; // bin/<configuration>/net10.0
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mediation.sln"))) root = root.Parent;
            var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Mediation.sln not found above " + output.FullName),
                "host", "Mediation.Host", "bin", configuration, output.Name, "Mediation.Host.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        }
    }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The host is running.");
        var dll = HostDll;
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder, as `dotnet run` uses it: the content root of the pages and static files.
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        var run = ++Starts;
        void Append(string? line)
        {
            if (line is null) return;
            lock (_log) _log.Append('[').Append(run).Append("] ").AppendLine(line);
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(5));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Log}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* starting slowly on a loaded machine */ }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The host was not ready within {timeout ?? TimeSpan.FromMinutes(5)}:\n{Log}");
            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL, as an out-of-memory killer or a power cut leaves the process: nothing of it runs after this.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
