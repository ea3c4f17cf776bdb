using System.Diagnostics;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>
/// Runs the Bicep CLI of the NuGet package Azure.Bicep.CommandLine.linux-x64 (path recorded at build time).
/// Bicep prints diagnostics ("file(line,col) : Warning rule: ...") on stderr and exits 0 on warnings, so
/// callers look at <see cref="BicepRun.Diagnostics"/>, not only at the exit code.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Repository.BicepPath), $"Bicep CLI not found at {Repository.BicepPath}: restore the test project.");
        EnsureExecutable(Repository.BicepPath);

        var start = new ProcessStartInfo(Repository.BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Templates,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepRun(process.ExitCode, await stdout.WaitAsync(Timeout), await stderr.WaitAsync(Timeout));
    }

    // NuGet extraction keeps the file mode on Linux, but a cache copied between machines may not.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
    }
}

internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every line of either stream that reads as a Bicep diagnostic (Info, Warning or Error).</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal)
                || line.Contains(" : Error ", StringComparison.Ordinal)
                || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();
}
