using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelplineBot.Protocol.Schema;

/// <summary>Where to send proactively: kept only after its serviceUrl arrived in a validated token (A7560).</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Locale { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
