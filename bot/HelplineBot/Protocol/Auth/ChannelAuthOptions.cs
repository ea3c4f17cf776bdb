using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Protocol.Auth;

/// <summary>
/// Where channel tokens come from and how they are checked (protocol.md §3.1). Section "ChannelAuth".
/// The defaults are the real Bot Framework values; tests point them at a loopback issuer.
/// </summary>
public sealed class ChannelAuthOptions
{
    public const string Section = "ChannelAuth";

    /// <summary>Issuer of Azure Bot Service channel tokens. Default "https://api.botframework.com".</summary>
    [Required] public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata of that issuer. Default "https://login.botframework.com/v1/.well-known/openidconfiguration".</summary>
    [Required, Url] public string BotFrameworkMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>
    /// Entra issuers also accepted (emulator, bot-to-bot, Agents-SDK hosts), e.g.
    /// "https://login.microsoftonline.com/{tenant}/v2.0". Default none: only Azure Bot Service tokens.
    /// </summary>
    public List<string> EntraIssuers { get; set; } = [];

    /// <summary>OpenID metadata for the Entra issuers. Default "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration".</summary>
    [Required, Url] public string EntraMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Tolerance for nbf/exp. Default 5 minutes (the SDK's value).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")] public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are re-fetched after this age. Default 12 hours (the doc asks for at least daily).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A token with an unknown key id triggers a re-fetch at most this often. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
