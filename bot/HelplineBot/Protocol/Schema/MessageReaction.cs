using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelplineBot.Protocol.Schema;

public sealed class MessageReaction
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
