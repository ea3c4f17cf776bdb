using System.Text.RegularExpressions;
using HelplineBot.Storage;

namespace HelplineBot.DeploymentTests.Deployment;

[Collection(DeploymentSnapshots.Collection)]
public sealed partial class AppSettingsTests(DeploymentSnapshots snapshots)
{
    [Fact]
    public void AppSettings_EveryName_IsABotConfigurationKeyOrPlatformSetting()
    {
        // Every optional feature is on in this deployment, so every setting the templates can write is here.
        var unknown = snapshots.Everything.AppSettings().Keys
            .Select(name => (name, Known: BotConfigurationKeys.IsKnown(name, out var reason), reason))
            .Where(s => !s.Known)
            .Select(s => $"{s.name}: {s.reason}")
            .ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("MicrosoftAppType")]
    [InlineData("MicrosoftAppId")]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("Urls")]
    [InlineData("Helpline__Name")]
    [InlineData("Helpline__Phone")]
    [InlineData("Helpline__Hours")]
    [InlineData("DirectLine__Secret")]
    [InlineData("Storage__DataFolder")]
    [InlineData("Handoff__SignIn")]
    [InlineData("AzureOpenAI__Endpoint")]
    [InlineData("AzureOpenAI__Deployment")]
    public void AppSettings_Defaults_SetKey(string name)
    {
        Assert.Contains(name, snapshots.Defaults.AppSettings().Keys);
    }

    [Theory]
    [InlineData("MicrosoftAppPassword", "MicrosoftAppPassword")]
    [InlineData("DirectLine__Secret", "DirectLineSecret")]
    [InlineData("AzureAd__ClientSecret", "AdvisorSignInClientSecret")]
    public void AppSettings_Secret_IsAKeyVaultReferenceToTheDeployedVault(string name, string secretName)
    {
        var value = snapshots.Everything.AppSettings()[name];
        var vault = (string?)snapshots.Everything.Single("Microsoft.KeyVault/vaults")["name"];

        Assert.Matches(KeyVaultReference(), value ?? "");
        var reference = KeyVaultReference().Match(value!);
        Assert.Equal(vault, reference.Groups["vault"].Value);
        Assert.Equal(secretName, reference.Groups["secret"].Value);
    }

    [Fact]
    public void AppSettings_Retention_IsTheBotsDefaultOf90Days()
    {
        Assert.Equal(new StorageOptions().RetainConversationsFor.ToString(), snapshots.Defaults.AppSettings()["Storage__RetainConversationsFor"]);
    }

    [Fact]
    public void AppSettings_DataFolder_IsTheMountedShare()
    {
        var site = snapshots.Defaults.Single("Microsoft.Web/sites");
        var mountPath = (string?)site["properties"]!["siteConfig"]!["azureStorageAccounts"]!.AsObject().Single().Value!["mountPath"];

        Assert.Equal(mountPath, snapshots.Defaults.AppSettings()["Storage__DataFolder"]);
    }

    [Theory]
    [InlineData("Helpline__Nmae")]
    [InlineData("Helpline__Name__Extra")]
    [InlineData("Unknown__Key")]
    [InlineData("AzureOpenAI__ApiKeyTypo")]
    [InlineData("MicrosoftAppPasword")]
    [InlineData("AzureAd__ClientSecrt")]
    [InlineData("TeamsAlerts__Enable")]
    public void IsKnown_MisspeltName_IsRejected(string name)
    {
        Assert.False(BotConfigurationKeys.IsKnown(name, out _));
    }

    // App Service's reference syntax; the whole value, so a literal secret with the text inside it fails too.
    [GeneratedRegex(@"^@Microsoft\.KeyVault\(VaultName=(?<vault>[^;()]+);SecretName=(?<secret>[A-Za-z0-9-]+)\)$")]
    private static partial Regex KeyVaultReference();
}
