using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelplineBot.IntegrationTests.Protocol;

/// <summary>Which Entra tenant the bot token comes from, and settings that must stop the start.</summary>
public sealed class BotIdentityTests
{
    [Theory]
    [InlineData("MultiTenant", "botframework.com")]
    [InlineData("SingleTenant", "0d3c5a7e-aaaa-4bbb-8ccc-dddddddddddd")]
    public async Task BotToken_ComesFromTheTenantTheAppTypeNames(string appType, string expectedTenant)
    {
        await using var entra = await FakeEntraTokenEndpoint.StartAsync();
        await using var app = new HelplineBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "bot-app",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "0d3c5a7e-aaaa-4bbb-8ccc-dddddddddddd",
            ["Connector:AuthorityHost"] = entra.BaseAddress.AbsoluteUri,
        }, services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(entra.CreateTrustingHandler));

        var token = await app.Services.GetRequiredService<BotTokenProvider>().GetTokenAsync(CancellationToken.None).WaitAsync(BotMessages.Timeout);

        Assert.Equal("bot-token-1", token);
        Assert.Equal(expectedTenant, Assert.Single(entra.Requests).Tenant);
        Assert.Equal("secret", entra.Requests.Single().ClientSecret);
    }

    [Theory]
    [InlineData("SingleTenant", "secret", "")]
    [InlineData("MultiTenant", "", "")]
    public void AppIdWithoutItsCredentials_StopsTheStart(string appType, string password, string tenant)
    {
        var failure = Assert.ThrowsAny<Exception>(() => new HelplineBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "bot-app",
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        }));

        Assert.IsType<OptionsValidationException>(failure.GetBaseException());
    }
}
