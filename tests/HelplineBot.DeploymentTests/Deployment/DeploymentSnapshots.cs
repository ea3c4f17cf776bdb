namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>
/// main.bicep snapshotted once per test run for the deployments the tests compare: all defaults, Entra sign-in
/// with Teams alerts, and every optional feature at once (so every setting the templates can write appears).
/// </summary>
public sealed class DeploymentSnapshots : IAsyncLifetime
{
    public const string Collection = "Deployment snapshots";

    public const string AdvisorClientId = "3f0b6c1d-8a2e-4d5f-b7c9-0e1a2b3c4d5e";
    public const string HelplineTenantId = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public const string AlertsChannel = "19:3kQ7mZbX0aVt9Lc2@thread.tacv2";
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string CustomDomain = "https://chat.helpline.example.org";

    internal DeploymentSnapshot Defaults { get; private set; } = null!;

    internal DeploymentSnapshot EntraAndAlerts { get; private set; } = null!;

    internal DeploymentSnapshot Everything { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var runs = await Task.WhenAll(
            BicepSnapshot.RunAsync(new Dictionary<string, object>()),
            BicepSnapshot.RunAsync(new Dictionary<string, object>
            {
                ["advisorSignIn"] = "Entra",
                ["advisorEntraClientId"] = AdvisorClientId,
                ["teamsAlertsConversationId"] = AlertsChannel,
                ["teamsAlertsServiceUrl"] = TeamsServiceUrl,
            }),
            BicepSnapshot.RunAsync(new Dictionary<string, object>
            {
                ["botIdentityType"] = "SingleTenant",
                ["microsoftAppId"] = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                ["deployOpenAi"] = true,
                ["publicBaseUrl"] = CustomDomain,
                ["advisorSignIn"] = "Entra",
                ["advisorEntraTenantId"] = HelplineTenantId,
                ["advisorEntraClientId"] = AdvisorClientId,
                ["teamsAlertsConversationId"] = AlertsChannel,
                ["teamsAlertsServiceUrl"] = TeamsServiceUrl,
            }));

        (Defaults, EntraAndAlerts, Everything) = (runs[0].Succeeded(), runs[1].Succeeded(), runs[2].Succeeded());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
