using System.Reflection;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>Paths the build recorded in this assembly: the repository root and the Bicep CLI from NuGet.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Templates { get; } = Path.Combine(Root, "deploymentTemplates");

    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
