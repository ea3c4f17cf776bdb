using System.Text.Json.Nodes;

namespace HelplineBot.DeploymentTests.Deployment;

public sealed class BicepTemplateTests(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutDiagnostics()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.StandardError);
        Assert.Empty(compiled.Build.Diagnostics);
    }

    [Fact]
    public async Task Lint_EveryTemplate_HasNoDiagnostics()
    {
        var run = await BicepCli.RunAsync("lint", "--pattern", Path.Combine(Repository.Templates, "**", "*.bicep"));

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task Lint_UnusedParameter_IsReported()
    {
        // The gate above only means something if the same run reports a warning when there is one.
        var folder = Directory.CreateTempSubdirectory("helplinebot-lint-").FullName;
        try
        {
            File.Copy(Path.Combine(Repository.Templates, "bicepconfig.json"), Path.Combine(folder, "bicepconfig.json"));
            File.WriteAllText(Path.Combine(folder, "bad.bicep"), "param unused string\n");

            var run = await BicepCli.RunAsync("lint", "--pattern", Path.Combine(folder, "**", "*.bicep"));

            Assert.Contains(run.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AzureDeployJson_MatchesCompiledBicep()
    {
        var committed = ArmTemplate.Load(Path.Combine(Repository.Templates, "azuredeploy.json"));

        var inSync = JsonNode.DeepEquals(
            ArmTemplate.WithoutGeneratorMetadata(committed),
            ArmTemplate.WithoutGeneratorMetadata(compiled.Template));

        Assert.True(inSync, "deploymentTemplates/azuredeploy.json is out of date: rebuild it from main.bicep (deploymentTemplates/README.md).");
    }

    [Fact]
    public void Parameters_EveryOne_HasDescriptionAndIsInParametersFile()
    {
        var declared = compiled.Template["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Templates, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(declared, p => Assert.False(
            string.IsNullOrWhiteSpace((string?)p.Value!["metadata"]?["description"]), $"parameter {p.Key} has no @description"));
        Assert.Equal(declared.Select(p => p.Key).Order(), file.Select(p => p.Key).Order());
    }

    [Fact]
    public void Parameters_None_CarriesASecret()
    {
        // Secrets go to Key Vault after deployment (docs/deploy.md), never through parameters or files.
        var declared = compiled.Template["parameters"]!.AsObject();

        Assert.DoesNotContain(declared, p => ((string?)p.Value!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(declared, p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase)
            || p.Key.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void WebApp_SiteConfig_IsWhatTheBotNeeds()
    {
        var site = Assert.Single(ArmTemplate.OfType(compiled.Template, "Microsoft.Web/sites"));
        var config = site["properties"]!["siteConfig"]!;

        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool?)config["alwaysOn"]);
        Assert.True((bool?)config["webSocketsEnabled"], "Direct Line streams are WebSockets");
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        Assert.True((bool?)site["properties"]!["httpsOnly"]);
        var mount = config["azureStorageAccounts"]!.AsObject().Single().Value!;
        Assert.Equal("AzureFiles", (string?)mount["type"]);
    }

    [Fact]
    public void Bot_PointsAtApiMessagesOfTheWebAppAndHasTeamsChannel()
    {
        var module = Module("bot");
        var endpoint = (string?)module["properties"]!["parameters"]!["messagingEndpoint"]!["value"];
        var channels = ArmTemplate.Resources(module["properties"]!["template"]!.AsObject())
            .Where(r => (string?)r["type"] == "Microsoft.BotService/botServices/channels")
            .Select(c => (string?)c["properties"]!["channelName"])
            .ToList();

        Assert.StartsWith("[format('https://{0}/api/messages', reference(resourceId('Microsoft.Resources/deployments', 'webApp')", endpoint, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.defaultHostName.value)]", endpoint, StringComparison.Ordinal);
        Assert.Contains("MsTeamsChannel", channels);
        Assert.Contains("DirectLineChannel", channels);
        Assert.Contains("WebChatChannel", channels);
    }

    [Fact]
    public void KeyVault_UsesRbacAndGrantsWebAppSecretsUser()
    {
        var module = Module("keyVault");
        var template = module["properties"]!["template"]!.AsObject();
        var vault = Assert.Single(ArmTemplate.OfType(template, "Microsoft.KeyVault/vaults"));
        var roleVariable = template["variables"]!.AsObject()
            .Single(v => (string?)v.Value == "4633458b-17de-408a-b874-0445c86b69e6").Key; // built-in Key Vault Secrets User
        var grant = ArmTemplate.OfType(template, "Microsoft.Authorization/roleAssignments")
            .Single(r => ((string?)r["properties"]!["roleDefinitionId"])!.Contains($"variables('{roleVariable}')", StringComparison.Ordinal));

        Assert.True((bool?)vault["properties"]!["enableRbacAuthorization"]);
        Assert.Equal("[parameters('webAppPrincipalId')]", (string?)grant["properties"]!["principalId"]);
        Assert.Contains("outputs.principalId.value", (string?)module["properties"]!["parameters"]!["webAppPrincipalId"]!["value"], StringComparison.Ordinal);
    }

    private JsonObject Module(string name) =>
        ArmTemplate.OfType(compiled.Template, "Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name);
}
