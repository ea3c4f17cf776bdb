using System.Diagnostics;
using System.IO.Compression;

namespace HelplineBot.DeploymentTests.Teams;

/// <summary>The teams-package verb as an operator runs it: a process, its exit code, its output and the zip.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly string folder = Directory.CreateTempSubdirectory("helplinebot-teams-cmd-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task TeamsPackage_NoAppId_ExitsOneAndNamesTheKey()
    {
        var run = await RunAsync("teams-package", "--DirectLine:PublicBaseUrl=https://bot.example.org");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MicrosoftAppId is empty", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.zip", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task TeamsPackage_InRepository_WritesZipUnderDeploymentTemplatesTeams()
    {
        // A folder holding HelplineBot.sln is a repository root, wherever the command runs below it.
        File.WriteAllText(Path.Combine(folder, "HelplineBot.sln"), "");
        var below = Directory.CreateDirectory(Path.Combine(folder, "bot")).FullName;

        var run = await RunInAsync(below, "teams-package", "--MicrosoftAppId=6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b", "--DirectLine:PublicBaseUrl=https://bot.example.org");

        Assert.True(run.ExitCode == 0, run.StandardError);
        using var zip = ZipFile.OpenRead(Path.Combine(folder, "deploymentTemplates", "teams", "helplinebot-teams.zip"));
        Assert.Equal(3, zip.Entries.Count);
    }

    [Fact]
    public async Task UnknownVerb_ExitsTwoWithUsage()
    {
        var run = await RunAsync("deploy-everything");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("teams-package", run.StandardError, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string StandardError)> RunAsync(params string[] arguments) => RunInAsync(folder, arguments);

    private static async Task<(int ExitCode, string StandardError)> RunInAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HelplineBot.Tools.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test passes counts: no app id or URL leaking in from the machine's environment.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MicrosoftApp", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("DirectLine__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("TeamsApp__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        await stdout.WaitAsync(Timeout);
        return (process.ExitCode, await stderr.WaitAsync(Timeout));
    }
}
