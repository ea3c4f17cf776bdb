namespace HelplineBot.IntegrationTests.Support;

/// <summary>Folders of the repository the tests run from, found by walking up to HelplineBot.sln.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HelplineBot.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"HelplineBot.sln not found above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    /// <summary>tests/browser: the node scripts that drive the official Direct Line client.</summary>
    public static string BrowserTests => Path.Combine(Root, "tests", "browser");

    /// <summary>TestResults/screenshots at the repository root (ignored by git): screenshots kept as test artifacts.</summary>
    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(Root, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
