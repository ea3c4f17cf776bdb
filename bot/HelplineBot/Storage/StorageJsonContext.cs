using System.Text.Json.Serialization;

namespace HelplineBot.Storage;

/// <summary>Source-generated JSON for the small documents the stores keep (request context).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
