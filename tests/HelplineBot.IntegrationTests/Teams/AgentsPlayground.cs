using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using HelplineBot.IntegrationTests.Support;

namespace HelplineBot.IntegrationTests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, the Teams-channel emulator)
/// as a child process: <c>node -r playground/bind-loopback.js …/cli.js start</c> with the bot's endpoint,
/// channel msteams, telemetry off and no browser of its own. The preload makes its listen() calls bind
/// 127.0.0.1, since it would otherwise listen on every interface.
/// </summary>
public sealed partial class AgentsPlayground : IAsyncDisposable
{
    public const string Package = "@microsoft/m365agentsplayground";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgentsPlayground(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, "");
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, "stderr: ");
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The Playground exited before it listened."));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string CliPath => Path.Combine(RepositoryPaths.BrowserTests, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, string logFolder)
    {
        if (!File.Exists(CliPath))
            Assert.Fail($"{Package} is not installed: run `npm ci --ignore-scripts` in tests/browser (the README's test command does).");
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = logFolder, // it reads an optional config file and writes devTools/ here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-r", Path.Combine(RepositoryPaths.BrowserTests, "playground", "bind-loopback.js"), CliPath, "start",
                     "--app-endpoint", botEndpoint.AbsoluteUri, "--channel-id", "msteams",
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        // It opens a browser unless TEAMSAPPTESTER_BROWSER is "none" (dist/index.js: shouldOpenBrowser).
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(logFolder, "playground.log");
        var playground = new AgentsPlayground(Process.Start(start) ?? throw new InvalidOperationException("node did not start."));
        try
        {
            playground.Port = await playground._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            var output = playground.Output;
            await playground.DisposeAsync();
            Assert.Fail($"The Agents Playground did not start ({ex.Message}):\n{output}");
        }
        return playground;
    }

    /// <summary>The addresses its listening sockets are bound to, as `ss -ltnp` shows them for this process.</summary>
    public async Task<IReadOnlyList<string>> ListeningAddressesAsync()
    {
        var start = new ProcessStartInfo("ss", "-H -ltnp") { RedirectStandardOutput = true, UseShellExecute = false };
        using var ss = Process.Start(start) ?? throw new InvalidOperationException("ss did not start.");
        var text = await ss.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await ss.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return text.Split('\n')
            .Where(line => line.Contains($"pid={_process.Id},", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3])
            .ToList();
    }

    /// <summary>This machine's own non-loopback addresses: the Playground must not be reachable on any of them.</summary>
    public static IReadOnlyList<IPAddress> OtherLocalAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => !IPAddress.IsLoopback(address) && address.AddressFamily == AddressFamily.InterNetwork)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void OnLine(string? line, string prefix)
    {
        if (line is null) return;
        lock (_output) _output.Append(prefix).AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match) _listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^Listening on (\d+)$")]
    private static partial Regex ListeningLine();
}
