namespace HelplineBot.IntegrationTests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task App_WithNothingConfigured_StartsOnLoopbackAndCreatesItsDatabase()
    {
        await using var app = new HelplineBotApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.GetAsync("/no-such-page").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("127.0.0.1", app.BaseAddress.Host);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "helplinebot.db")));
    }
}

public class DirectLineSecretStartupTests
{
    [Fact]
    public void App_WithAnUnresolvedKeyVaultReferenceAsSecret_RefusesToStart()
    {
        var failure = Record.Exception(() => new HelplineBotApp(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = "@Microsoft.KeyVault(SecretUri=https://vault.example/secrets/directline)",
        }).Dispose());

        Assert.NotNull(failure);
        Assert.Contains("unresolved Key Vault reference", failure.ToString());
    }
}

public class RefusedSettingsStartupTests
{
    [Theory]
    [InlineData("MicrosoftAppPassword", "@Microsoft.KeyVault(VaultName=kv;SecretName=MicrosoftAppPassword)", "unresolved Key Vault reference")]
    [InlineData("Storage:Engine", "Postgres", "not available in this version")]
    public void App_WithASettingItCannotHonour_RefusesToStartAndSaysWhy(string key, string value, string reason)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "MicrosoftAppPassword") settings["MicrosoftAppId"] = "00000000-0000-0000-0000-00000000b07";

        var failure = Record.Exception(() => new HelplineBotApp(settings).Dispose());

        Assert.NotNull(failure);
        Assert.Contains(reason, failure.ToString());
    }
}
