using System.Text.Json.Nodes;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>Reads compiled ARM JSON: resources at every module depth, and a copy without generator metadata.</summary>
internal static class ArmTemplate
{
    public static JsonObject Load(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    /// <summary>Every resource of the template and of its nested module deployments.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        // Templates list resources as an array, or as an object of symbolic names (languageVersion 2.0).
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject named => named.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            // A resource's properties may be one expression (e.g. "[union(...)]") rather than an object.
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonObject template, string type) =>
        Resources(template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A copy without metadata._generator (Bicep version and template hash) at any depth: the part that
    /// changes with the CLI version, not with the templates.
    /// </summary>
    public static JsonNode WithoutGeneratorMetadata(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject obj:
                    if (obj["metadata"] is JsonObject metadata)
                    {
                        metadata.Remove("_generator");
                    }

                    foreach (var property in obj.ToList())
                    {
                        Strip(property.Value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Strip(item);
                    }

                    break;
            }
        }
    }
}
