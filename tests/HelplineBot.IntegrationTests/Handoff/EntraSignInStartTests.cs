using HelplineBot.IntegrationTests.Fakes;
using Microsoft.Extensions.Options;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>A half-configured Entra sign-in stops the bot at start with the reason, instead of failing every request later.</summary>
public class EntraSignInStartTests
{
    [Theory]
    [InlineData("AzureAd:TenantId", "common", "AzureAd:TenantId")]
    [InlineData("AzureAd:ClientSecret", "", "ClientSecret")]
    [InlineData("AzureAd:ClientSecret", "@Microsoft.KeyVault(SecretUri=https://helpline.vault.azure.net/secrets/entra)", "Key Vault")]
    public async Task BadEntraSettings_StopTheStart(string key, string value, string reason)
    {
        await using var entra = await FakeEntraSignIn.StartAsync();
        var settings = entra.Settings();
        settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => HandoffHarness.StartApp(settings));

        Assert.Contains(reason, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpSignInAuthority_StopsTheStart_UnlessAllowedForTests()
    {
        await using var entra = await FakeEntraSignIn.StartAsync();
        var settings = entra.Settings();
        settings.Remove("AzureAd:RequireHttpsMetadata");

        var error = Assert.ThrowsAny<Exception>(() => HandoffHarness.StartApp(settings));

        Assert.Contains("HTTPS", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error switch
    {
        AggregateException aggregate => string.Join(" | ", aggregate.InnerExceptions.Select(Flatten)),
        OptionsValidationException options => string.Join(" | ", options.Failures),
        _ => error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : ""),
    };
}
