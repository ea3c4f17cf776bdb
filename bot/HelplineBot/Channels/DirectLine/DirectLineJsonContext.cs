using System.Text.Json.Serialization;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels.DirectLine;

/// <summary>Direct Line 3.0 response bodies (DL-SWAGGER "Conversation" and "ActivitySet").</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string? Token,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    string? StreamUrl);

public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>Optional body of tokens/generate and start conversation: {"user":{"id","name"}}.</summary>
public sealed record TokenParameters(ChannelAccount? User, string? Locale);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ResourceResponse))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
