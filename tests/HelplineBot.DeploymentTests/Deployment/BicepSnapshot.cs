using System.Globalization;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>
/// What a deployment of main.bicep with given parameters would create, from <c>bicep snapshot</c>: the ARM
/// template engine, run locally without Azure, evaluates parameters, conditions, <c>union</c> and <c>fail</c>,
/// and leaves only what Azure decides at deployment (host names, identities) as expressions.
/// </summary>
internal static class BicepSnapshot
{
    // The deployment's scope; the snapshot contacts no Azure service, so any well-formed values do.
    public const string TenantId = "7d3c5a1e-0b2f-4c6d-9e8a-1f2b3c4d5e6f";
    private const string SubscriptionId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string ResourceGroup = "rg-helplinebot-test";
    private const string Location = "eastus";

    /// <summary>Snapshots main.bicep with these parameters (string, bool or int), the others at their defaults.</summary>
    public static async Task<SnapshotRun> RunAsync(IReadOnlyDictionary<string, object> parameters)
    {
        var folder = Directory.CreateTempSubdirectory("helplinebot-snapshot-").FullName;
        try
        {
            var file = Path.Combine(folder, "deployment.bicepparam");
            File.WriteAllText(file, ParametersFile(folder, parameters));

            var run = await BicepCli.RunAsync("snapshot", file,
                "--tenant-id", TenantId, "--subscription-id", SubscriptionId,
                "--resource-group", ResourceGroup, "--location", Location);

            var output = Path.ChangeExtension(file, ".snapshot.json");
            return new SnapshotRun(run, File.Exists(output) ? new DeploymentSnapshot(ArmTemplate.Load(output)) : null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ParametersFile(string folder, IReadOnlyDictionary<string, object> parameters)
    {
        // A .bicepparam file names its template by a relative path only.
        var template = Path.GetRelativePath(folder, Path.Combine(Repository.Templates, "main.bicep")).Replace('\\', '/');
        var lines = parameters.Select(p => $"param {p.Key} = {Literal(p.Value)}");
        return string.Join('\n', [$"using '{template}'", .. lines]) + "\n";
    }

    private static string Literal(object value) => value switch
    {
        string text => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No Bicep literal for a {value.GetType().Name}.", nameof(value)),
    };
}

internal sealed record SnapshotRun(BicepRun Run, DeploymentSnapshot? Snapshot)
{
    /// <summary>The snapshot, or a failed assertion carrying Bicep's own reason.</summary>
    public DeploymentSnapshot Succeeded()
    {
        Assert.True(Run.ExitCode == 0 && Snapshot is not null, Run.StandardOutput + Run.StandardError);
        return Snapshot!;
    }
}
