using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelplineBot.Protocol.Schema;

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
