namespace HelplineBot.Protocol.Auth;

/// <summary>
/// The bot's own identity, bound to the root keys Azure Bot tooling uses (protocol.md §3.2). An empty
/// <see cref="MicrosoftAppId"/> means open development mode: no inbound token is asked for and
/// outbound Connector calls go only to loopback service URLs.
/// </summary>
public sealed class BotAuthOptions
{
    /// <summary>"SingleTenant" (default, the only kind Azure creates since 2025-07-31), "MultiTenant" or "UserAssignedMSI".</summary>
    public string MicrosoftAppType { get; set; } = AppTypes.SingleTenant;

    /// <summary>The bot's Entra app id; the audience of channel tokens. Default empty (open development mode).</summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    /// <summary>Client secret for the bot's token. Default empty.</summary>
    public string MicrosoftAppPassword { get; set; } = string.Empty;

    /// <summary>The bot's tenant id; required for SingleTenant. Default empty.</summary>
    public string MicrosoftAppTenantId { get; set; } = string.Empty;

    public bool IsOpenDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public static class AppTypes
    {
        public const string SingleTenant = "SingleTenant";
        public const string MultiTenant = "MultiTenant";
        public const string UserAssignedMsi = "UserAssignedMSI";
    }
}
