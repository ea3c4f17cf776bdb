using System.Text.Json.Serialization;

namespace HelplineBot.Dialogs.Engine;

/// <summary>Source-generated serializer for the stored conversation state.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class DialogStateJsonContext : JsonSerializerContext;
