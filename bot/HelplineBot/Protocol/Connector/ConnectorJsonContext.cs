using System.Text.Json.Serialization;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Protocol.Connector;

/// <summary>Wire JSON of the Connector calls, with the same settings as <see cref="ProtocolJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    MaxDepth = 128)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
internal sealed partial class ConnectorJsonContext : JsonSerializerContext;
