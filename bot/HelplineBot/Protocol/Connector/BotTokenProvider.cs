using HelplineBot.Protocol.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace HelplineBot.Protocol.Connector;

/// <summary>
/// The bot's Entra token for Connector calls (protocol.md §3.2), from MSAL: client credentials against the
/// bot's tenant (SingleTenant) or botframework.com (MultiTenant), or the user-assigned managed identity.
/// MSAL caches the token in memory and renews it shortly before it expires.
/// </summary>
public sealed class BotTokenProvider
{
    private readonly Lazy<Func<CancellationToken, Task<AuthenticationResult>>> _acquire;

    public BotTokenProvider(IOptions<BotAuthOptions> bot, IOptions<ConnectorOptions> connector, IHttpClientFactory httpClients)
    {
        _acquire = new Lazy<Func<CancellationToken, Task<AuthenticationResult>>>(
            () => Build(bot.Value, connector.Value, new MsalHttpClientFactory(httpClients)));
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _acquire.Value(cancellationToken);
        return result.AccessToken;
    }

    private static Func<CancellationToken, Task<AuthenticationResult>> Build(BotAuthOptions bot, ConnectorOptions connector, IMsalHttpClientFactory http)
    {
        if (string.Equals(bot.MicrosoftAppType, BotAuthOptions.AppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            var identity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(bot.MicrosoftAppId))
                .WithHttpClientFactory(http)
                .Build();
            var resource = ResourceOf(connector.Scope);
            return ct => identity.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct);
        }

        // Multi-tenant bots ask the botframework.com tenant; since 2025-07-31 new bots are single-tenant and
        // must ask their own tenant, or Entra answers AADSTS700016 (protocol.md §3.2, §9.4).
        var tenant = string.Equals(bot.MicrosoftAppType, BotAuthOptions.AppTypes.MultiTenant, StringComparison.OrdinalIgnoreCase)
            ? "botframework.com"
            : bot.MicrosoftAppTenantId;
        var app = ConfidentialClientApplicationBuilder
            .Create(bot.MicrosoftAppId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority($"{connector.AuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(tenant)}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(http)
            .Build();
        string[] scopes = [connector.Scope];
        return ct => app.AcquireTokenForClient(scopes).ExecuteAsync(ct);
    }

    // Managed identity asks for a resource, not a scope: "https://api.botframework.com/.default" → "https://api.botframework.com".
    private static string ResourceOf(string scope) =>
        scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
}
