using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelplineBot.Protocol.Schema;

/// <summary>An entity of any type (mention, clientInfo, ...); everything but its type stays raw JSON.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
