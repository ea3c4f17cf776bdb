using HelplineBot.Tools.Teams;
using Microsoft.Extensions.Configuration;

// Operator commands. Settings are read like the bot reads them: appsettings.json (the root one, copied
// next to this tool), appsettings.{DOTNET_ENVIRONMENT}.json, environment variables (`__` nesting), then
// `--Key=Value` arguments (`--MicrosoftAppId=...`, `--TeamsApp:Version=1.0.1`).
const string Usage = """
    usage: dotnet run --project bot/HelplineBot.Tools -- teams-package [--out PATH] [--Key=Value ...]

      teams-package   builds the Microsoft Teams app package (manifest.json, color.png, outline.png)
                      into deploymentTemplates/teams/helplinebot-teams.zip, or PATH.
                      Needs MicrosoftAppId (the Azure Bot's app id) and an https website:
                      DirectLine:PublicBaseUrl or TeamsApp:WebsiteUrl. See docs/deploy.md.
    """;

if (args.Length == 0 || args[0] is not "teams-package")
{
    Console.Error.WriteLine(Usage);
    return args.Length == 0 || args[0] is "help" or "--help" or "-h" ? 0 : 2;
}

var rest = args[1..].ToList();
string? output = null;
var outIndex = rest.FindIndex(a => a == "--out");
if (outIndex >= 0)
{
    if (outIndex + 1 >= rest.Count)
    {
        Console.Error.WriteLine("--out needs a path.");
        return 2;
    }

    output = rest[outIndex + 1];
    rest.RemoveRange(outIndex, 2);
}

var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(rest.ToArray())
    .Build();

var app = TeamsAppDefinition.Resolve(configuration, out var problems);
if (app is null)
{
    Console.Error.WriteLine("The Teams app package was not built:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"  - {problem}");
    }

    return 1;
}

output ??= Path.Combine(RepositoryRoot(), "deploymentTemplates", "teams", TeamsAppPackage.DefaultFileName);
TeamsAppPackage.Write(app, output);
Console.WriteLine($"Wrote {Path.GetFullPath(output)}: manifest {TeamsAppManifest.ManifestVersion}, version {app.Version}, bot {app.AppId:D}.");
return 0;

// The folder holding HelplineBot.sln above the current directory; the current directory if there is none.
static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "HelplineBot.sln")))
        {
            return folder.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
