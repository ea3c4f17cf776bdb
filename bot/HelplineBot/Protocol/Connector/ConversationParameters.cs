using System.Text.Json;
using System.Text.Json.Serialization;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Protocol.Connector;

/// <summary>Body of Create conversation (protocol.md §4), used for proactive messages on Teams.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
