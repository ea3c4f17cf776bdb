using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HelplineBot.Benchmarks;

/// <summary>The built bot started as its own process on a free loopback port with a fresh data folder.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, Uri baseAddress, string dataFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }
    public string DataFolder { get; }

    /// <summary>
    /// Runs each <paramref name="setup"/> command of the bot's own command line (e.g. <c>advisors add</c>)
    /// against the fresh data folder, then starts the web app on it.
    /// </summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings, params IReadOnlyList<BotCommand> setup)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "HelplineBot.dll");
        if (!File.Exists(dll)) dll = FindBuiltBot();
        var port = FreePort();
        var dataFolder = Directory.CreateTempSubdirectory("helplinebot-bench-").FullName;
        try
        {
            foreach (var command in setup) await RunCommandAsync(dll, dataFolder, settings, command);
        }
        catch
        {
            Directory.Delete(dataFolder, recursive: true);
            throw;
        }
        var info = StartInfo(dll, dataFolder, settings, []);
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { BaseAddress = baseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var ready = await http.GetAsync("/readyz");
                if (ready.StatusCode == HttpStatusCode.OK) return new BotProcess(process, baseAddress, dataFolder);
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited) throw new InvalidOperationException($"The bot exited with code {process.ExitCode}.");
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The bot did not become ready within 30 s.");
    }

    private static async Task RunCommandAsync(string dll, string dataFolder, IReadOnlyDictionary<string, string> settings, BotCommand command)
    {
        var info = StartInfo(dll, dataFolder, settings, command.Arguments);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(command.StandardInput);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', command.Arguments)}` did not finish within 60 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{string.Join(' ', command.Arguments)}` exited with code {process.ExitCode}: {await error}{await output}");
    }

    private static ProcessStartInfo StartInfo(string dll, string dataFolder, IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["Storage__DataFolder"] = dataFolder;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBuiltBot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var candidate = Path.Combine(dir.FullName, "bot", "HelplineBot", "bin", configuration, "net10.0", "HelplineBot.dll");
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException("Build the bot first: dotnet build -c Release bot/HelplineBot");
    }
}
