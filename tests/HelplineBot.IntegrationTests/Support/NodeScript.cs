using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>
/// One run of a node script of tests/browser. The script gets its input as JSON in DIRECTLINE_INPUT and
/// talks back in stdout lines: "READY {json}" asks the test to act and answer with a line on stdin,
/// "RESULT {json}" ends the run. Anything else (and stderr) is kept for the failure message.
/// </summary>
public sealed class NodeScript : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _output = new();

    private NodeScript(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { _lines.Writer.TryComplete(); return; }
            lock (_output) _output.AppendLine(e.Data);
            _lines.Writer.TryWrite(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_output) _output.AppendLine("stderr: " + e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>node {script} {scenario}</c> in tests/browser, installing its packages first if they are missing.</summary>
    public static async Task<NodeScript> StartAsync(string script, string scenario, object input)
    {
        await EnsurePackagesAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.BrowserTests,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(scenario);
        start.Environment["DIRECTLINE_INPUT"] = JsonSerializer.Serialize(input);
        return new NodeScript(Process.Start(start) ?? throw new InvalidOperationException("node did not start."));
    }

    /// <summary>Runs a scenario to its end and returns its RESULT, failing the test with the script's output when it did not succeed.</summary>
    public static async Task<JsonElement> RunAsync(string script, string scenario, object input, TimeSpan timeout)
    {
        await using var run = await StartAsync(script, scenario, input);
        return await run.ResultAsync(timeout);
    }

    /// <summary>Waits for the script's next "READY" line and returns its JSON.</summary>
    public async Task<JsonElement> ReadyAsync(TimeSpan timeout) => await NextAsync("READY ", timeout);

    /// <summary>Lets the script go on after a READY.</summary>
    public async Task ContinueAsync()
    {
        await _process.StandardInput.WriteLineAsync("go");
        await _process.StandardInput.FlushAsync();
    }

    public async Task<JsonElement> ResultAsync(TimeSpan timeout)
    {
        var result = await NextAsync("RESULT ", timeout);
        if (!result.GetProperty("ok").GetBoolean())
            Assert.Fail($"The node scenario failed: {result.GetProperty("error").GetString()}\n{Output}");
        return result;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private async Task<JsonElement> NextAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cancel.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                        return JsonDocument.Parse(line[prefix.Length..]).RootElement.Clone();
                    if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                        Assert.Fail($"The node scenario ended while the test waited for {prefix.Trim()}:\n{Output}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {prefix.Trim()} from node within {timeout.TotalSeconds:0} s:\n{Output}");
        }
        Assert.Fail($"node exited without {prefix.Trim()}:\n{Output}");
        return default;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    /// <summary>
    /// tests/browser/node_modules comes from `npm ci` (the README's test command runs it); a clean clone
    /// that runs `dotnet test` alone gets it here, once.
    /// </summary>
    private static async Task EnsurePackagesAsync()
    {
        var marker = Path.Combine(RepositoryPaths.BrowserTests, "node_modules", "botframework-directlinejs", "package.json");
        if (File.Exists(marker)) return;
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(marker)) return;
            var start = new ProcessStartInfo("npm")
            {
                WorkingDirectory = RepositoryPaths.BrowserTests,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" }) start.ArgumentList.Add(argument);
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            try
            {
                await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            }
            catch (TimeoutException)
            {
                npm.Kill(entireProcessTree: true);
                Assert.Fail("`npm ci` in tests/browser took more than 3 minutes.");
            }
            if (npm.ExitCode != 0)
                Assert.Fail($"`npm ci` in tests/browser failed ({npm.ExitCode}):\n{await stdout}\n{await stderr}");
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
