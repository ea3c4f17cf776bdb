using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelplineBot.Handoff;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandoffContext))]
internal sealed partial class HandoffJsonContext : JsonSerializerContext;
