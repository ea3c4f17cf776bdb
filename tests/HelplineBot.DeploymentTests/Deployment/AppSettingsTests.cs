using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HelplineBot.DeploymentTests.Deployment;

public sealed class AppSettingsTests(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void AppSettings_EveryName_IsABotConfigurationKeyOrPlatformSetting()
    {
        var unknown = Settings()
            .Select(s => (s.Key, Known: BotConfigurationKeys.IsKnown(s.Key, out var reason), reason))
            .Where(s => !s.Known)
            .Select(s => $"{s.Key}: {s.reason}")
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
    [InlineData("AzureOpenAI__Endpoint")]
    [InlineData("AzureOpenAI__Deployment")]
    public void AppSettings_SetsKey(string name)
    {
        Assert.Contains(name, Settings().Select(s => s.Key));
    }

    [Theory]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("DirectLine__Secret")]
    [InlineData("Storage__ConnectionString")]
    public void AppSettings_Secret_IsAKeyVaultReference(string name)
    {
        var value = (string?)Settings().Single(s => s.Key == name).Value ?? "";
        var variables = WebAppTemplate()["variables"]!.AsObject();

        // The value is an ARM expression; the reference text may sit in a template variable it names.
        var expanded = Regex.Replace(value, @"variables\('(\w+)'\)", m => (string?)variables[m.Groups[1].Value] ?? "");

        Assert.Contains("@Microsoft.KeyVault(VaultName={0};SecretName={1})", expanded, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_DataFolder_IsTheMountedShare()
    {
        var site = Assert.Single(ArmTemplate.OfType(WebAppTemplate(), "Microsoft.Web/sites"));
        var mountPath = (string?)site["properties"]!["siteConfig"]!["azureStorageAccounts"]!.AsObject().Single().Value!["mountPath"];

        Assert.Equal(mountPath, (string?)Settings().Single(s => s.Key == "Storage__DataFolder").Value);
    }

    [Theory]
    [InlineData("Helpline__Nmae")]
    [InlineData("Helpline__Name__Extra")]
    [InlineData("Unknown__Key")]
    [InlineData("AzureOpenAI__ApiKeyTypo")]
    [InlineData("MicrosoftAppPasword")]
    public void IsKnown_MisspeltName_IsRejected(string name)
    {
        Assert.False(BotConfigurationKeys.IsKnown(name, out _));
    }

    // The settings are the literal object of the web app's "appsettings" config resource.
    private IEnumerable<KeyValuePair<string, JsonNode?>> Settings()
    {
        var config = Assert.Single(ArmTemplate.OfType(WebAppTemplate(), "Microsoft.Web/sites/config"),
            r => ((string?)r["name"])!.Contains("'appsettings'", StringComparison.Ordinal));
        return config["properties"]!.AsObject();
    }

    private JsonObject WebAppTemplate() =>
        ArmTemplate.OfType(compiled.Template, "Microsoft.Resources/deployments")
            .Single(d => (string?)d["name"] == "webApp")["properties"]!["template"]!.AsObject();
}
