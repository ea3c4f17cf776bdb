using System.Text.Json.Nodes;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>main.bicep compiled once per test class into a temporary file with the NuGet Bicep CLI.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("helplinebot-bicep-").FullName;

    internal BicepRun Build { get; private set; } = new(-1, "", "");

    public JsonObject Template { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var output = Path.Combine(folder, "main.json");
        Build = await BicepCli.RunAsync("build", Path.Combine(Repository.Templates, "main.bicep"), "--outfile", output);
        if (File.Exists(output))
        {
            Template = ArmTemplate.Load(output);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
