using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Channels.Teams.Alerts;

/// <summary>
/// Advisor alerts in a Microsoft Teams channel: a card for each new crisis or waiting handoff. Section "TeamsAlerts".
/// The configured service URL is trusted for these posts because an operator set it (protocol.md §3.3).
/// </summary>
public sealed class TeamsAlertsOptions : IValidatableObject
{
    public const string Section = "TeamsAlerts";

    /// <summary>Post alerts to Teams. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The tenant's Teams service URL, e.g. https://smba.trafficmanager.net/amer/. Required when enabled.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The Teams conversation alerts go to (a channel id 19:…@thread.tacv2, or a thread in it). Required when enabled.</summary>
    public string? ConversationId { get; set; }

    /// <summary>Public base URL of this bot, for the card's link to the advisor console (e.g. https://helpline.example.org/). Required when enabled.</summary>
    public string? ConsoleBaseUrl { get; set; }

    /// <summary>Alert again about a handoff still queued after this long; 00:00:00 turns repeats off. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan RepeatAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Alerts waiting to be posted; beyond this the oldest is dropped (and logged). Default 200.</summary>
    [Range(10, 10_000)] public int QueueCapacity { get; set; } = 200;

    public bool RepeatsEnabled => RepeatAfter > TimeSpan.Zero;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!IsWebUrl(ServiceUrl))
        {
            yield return new ValidationResult("TeamsAlerts:ServiceUrl must be an absolute https URL (the tenant's Teams service URL).", [nameof(ServiceUrl)]);
        }
        if (string.IsNullOrWhiteSpace(ConversationId))
        {
            yield return new ValidationResult("TeamsAlerts:ConversationId is required when TeamsAlerts:Enabled is true.", [nameof(ConversationId)]);
        }
        if (!IsWebUrl(ConsoleBaseUrl))
        {
            yield return new ValidationResult("TeamsAlerts:ConsoleBaseUrl must be an absolute https URL (the console's public address).", [nameof(ConsoleBaseUrl)]);
        }
        if (RepeatsEnabled && RepeatAfter < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("TeamsAlerts:RepeatAfter must be at least one minute, or 00:00:00 for no repeats.", [nameof(RepeatAfter)]);
        }
    }

    /// <summary>The console link for one handoff: {ConsoleBaseUrl}/advisor/?handoff={id}.</summary>
    public Uri ConsoleLink(string handoffId)
    {
        var root = ConsoleBaseUrl!.EndsWith('/') ? ConsoleBaseUrl : ConsoleBaseUrl + "/";
        return new Uri(new Uri(root), "advisor/?handoff=" + Uri.EscapeDataString(handoffId));
    }

    // https for real deployments; plain http only to loopback (tests, a developer's machine).
    private static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
