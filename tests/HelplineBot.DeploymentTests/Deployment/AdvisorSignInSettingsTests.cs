namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>advisorSignIn and the AzureAd settings it brings, as a deployment would write them (bicep snapshot).</summary>
[Collection(DeploymentSnapshots.Collection)]
public sealed class AdvisorSignInSettingsTests(DeploymentSnapshots snapshots)
{
    [Fact]
    public void Defaults_SignInIsLocalWithoutAnyAzureAdSetting()
    {
        var settings = snapshots.Defaults.AppSettings();

        Assert.Equal("Local", settings["Handoff__SignIn"]);
        Assert.DoesNotContain(settings.Keys, name => name.StartsWith("AzureAd__", StringComparison.Ordinal));
    }

    [Fact]
    public void Entra_SetsSignInClientAndThisDeploymentsTenant()
    {
        var settings = snapshots.EntraAndAlerts.AppSettings();

        Assert.Equal("Entra", settings["Handoff__SignIn"]);
        Assert.Equal(DeploymentSnapshots.AdvisorClientId, settings["AzureAd__ClientId"]);
        Assert.Equal(BicepSnapshot.TenantId, settings["AzureAd__TenantId"]);
    }

    [Fact]
    public void Entra_GivenTenant_IsTheOneAdvisorsSignInWith()
    {
        Assert.Equal(DeploymentSnapshots.HelplineTenantId, snapshots.Everything.AppSettings()["AzureAd__TenantId"]);
    }

    [Fact]
    public void Entra_ClientSecret_IsOnlyAReferenceToTheVault()
    {
        var vault = (string?)snapshots.EntraAndAlerts.Single("Microsoft.KeyVault/vaults")["name"];

        Assert.Equal($"@Microsoft.KeyVault(VaultName={vault};SecretName=AdvisorSignInClientSecret)",
            snapshots.EntraAndAlerts.AppSettings()["AzureAd__ClientSecret"]);
    }

    [Theory]
    [InlineData("", "", "advisorEntraClientId is required when advisorSignIn is Entra")]
    [InlineData(DeploymentSnapshots.AdvisorClientId, "common", "advisorEntraTenantId must be the helpline's own tenant id")]
    [InlineData(DeploymentSnapshots.AdvisorClientId, " Organizations", "advisorEntraTenantId must be the helpline's own tenant id")]
    public async Task Entra_HalfConfigured_FailsTheDeploymentWithTheReason(string clientId, string tenantId, string reason)
    {
        var result = await BicepSnapshot.RunAsync(new Dictionary<string, object>
        {
            ["advisorSignIn"] = "Entra",
            ["advisorEntraClientId"] = clientId,
            ["advisorEntraTenantId"] = tenantId,
        });

        Assert.NotEqual(0, result.Run.ExitCode);
        Assert.Null(result.Snapshot);
        Assert.Contains(reason, result.Run.StandardOutput + result.Run.StandardError, StringComparison.Ordinal);
    }
}
