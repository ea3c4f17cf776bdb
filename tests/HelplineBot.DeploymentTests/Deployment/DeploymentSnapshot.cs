using System.Text.Json.Nodes;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>The predicted resources of one <c>bicep snapshot</c>, every module flattened into one list.</summary>
internal sealed class DeploymentSnapshot(JsonObject snapshot)
{
    public IEnumerable<JsonObject> Resources =>
        snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject());

    public JsonObject Single(string type) =>
        Assert.Single(Resources, r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The web app's settings as App Service would receive them. A value Azure only knows at deployment (a host
    /// name, an identity's client id) stays an ARM expression such as "[reference(...).defaultHostName]".
    /// </summary>
    public IReadOnlyDictionary<string, string?> AppSettings()
    {
        var config = Assert.Single(Resources, r => (string?)r["type"] == "Microsoft.Web/sites/config"
            && ((string?)r["name"])!.EndsWith("/appsettings", StringComparison.Ordinal));
        return config["properties"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
    }
}
