using System.Text.Json.Serialization;

namespace HelplineBot.Storage;

/// <summary>Source-generated JSON for the small documents the stores keep (request context, id lists for SQL).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
