using System.ComponentModel.DataAnnotations;
using HelplineBot.Channels.Teams.Alerts;
using Microsoft.Extensions.Configuration;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>teamsAlerts* parameters and the TeamsAlerts settings they bring, as a deployment would write them.</summary>
[Collection(DeploymentSnapshots.Collection)]
public sealed class TeamsAlertsSettingsTests(DeploymentSnapshots snapshots)
{
    [Fact]
    public void Defaults_HaveNoTeamsAlertsSetting()
    {
        Assert.DoesNotContain(snapshots.Defaults.AppSettings().Keys, name => name.StartsWith("TeamsAlerts__", StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_EnablesAlertsToThatChannel()
    {
        var settings = snapshots.EntraAndAlerts.AppSettings();

        Assert.Equal("true", settings["TeamsAlerts__Enabled"]);
        Assert.Equal(DeploymentSnapshots.TeamsServiceUrl, settings["TeamsAlerts__ServiceUrl"]);
        Assert.Equal(DeploymentSnapshots.AlertsChannel, settings["TeamsAlerts__ConversationId"]);
    }

    [Fact]
    public void Configured_WithoutCustomDomain_LinksToTheWebAppHost()
    {
        var settings = snapshots.EntraAndAlerts.AppSettings();

        // Azure gives the host name at deployment: the value is still the expression that reads it.
        Assert.StartsWith("[format('https://{0}', reference(", settings["TeamsAlerts__ConsoleBaseUrl"], StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName)]", settings["TeamsAlerts__ConsoleBaseUrl"], StringComparison.Ordinal);
        Assert.Equal(settings["DirectLine__PublicBaseUrl"], settings["TeamsAlerts__ConsoleBaseUrl"]);
    }

    [Fact]
    public void Configured_WithCustomDomain_IsValidTeamsAlertsOptions()
    {
        var settings = snapshots.Everything.AppSettings();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build();
        var options = configuration.GetSection(TeamsAlertsOptions.Section).Get<TeamsAlertsOptions>()!;

        var errors = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        Assert.True(valid, string.Join("; ", errors.Select(e => e.ErrorMessage)));
        Assert.True(options.Enabled);
        Assert.Equal(DeploymentSnapshots.CustomDomain, options.ConsoleBaseUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    public async Task Configured_WithoutHttpsServiceUrl_FailsTheDeploymentWithTheReason(string serviceUrl)
    {
        var result = await BicepSnapshot.RunAsync(new Dictionary<string, object>
        {
            ["teamsAlertsConversationId"] = DeploymentSnapshots.AlertsChannel,
            ["teamsAlertsServiceUrl"] = serviceUrl,
        });

        Assert.NotEqual(0, result.Run.ExitCode);
        Assert.Null(result.Snapshot);
        Assert.Contains("teamsAlertsServiceUrl, the https address of the tenant's Teams service, is required",
            result.Run.StandardOutput + result.Run.StandardError, StringComparison.Ordinal);
    }
}
