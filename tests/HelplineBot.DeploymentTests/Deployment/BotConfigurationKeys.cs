using System.Reflection;
using System.Text.Json.Nodes;

namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>
/// Decides whether an App Service setting name ("Section__Key" or a root key) is a configuration key the
/// bot reads, so a typo in the templates fails a test instead of being silently ignored in production.
/// </summary>
internal static class BotConfigurationKeys
{
    /// <summary>
    /// The bot's options sections (style.md, "appsettings.json shape"). A section whose options class exists
    /// in HelplineBot (a type named *Options or *Settings with <c>const string Section</c>) is checked against that
    /// class's properties.
    /// </summary>
    public static readonly IReadOnlyList<string> Sections =
        ["Helpline", "DirectLine", "Storage", "Limits", "AzureOpenAI", "Dialogs", "Handoff", "Safety", "Knowledge", "AzureAd", "TeamsAlerts"];

    /// <summary>
    /// Keys of sections other engineers are adding (issues 3-6), accepted until their options class lands;
    /// from then on the class decides and this list no longer matters for that section.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> PendingSectionKeys = new Dictionary<string, string[]>
    {
        ["AzureOpenAI"] = ["Endpoint", "Deployment"],
    };

    /// <summary>
    /// Settings App Service or its agents read themselves, never the bot, each with its reason.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformSettings = new Dictionary<string, string>
    {
        ["WEBSITES_PORT"] = "the port App Service forwards to inside the container",
        ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "ASP.NET Core honours X-Forwarded-Proto from the App Service front end",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "where the Application Insights agent sends telemetry",
        ["ApplicationInsightsAgent_EXTENSION_VERSION"] = "turns on the App Service Application Insights agent",
    };

    public static bool IsKnown(string settingName, out string reason)
    {
        if (PlatformSettings.TryGetValue(settingName, out var platform))
        {
            reason = $"platform setting: {platform}";
            return true;
        }

        var parts = settingName.Split("__");
        if (parts.Length == 1)
        {
            var isRoot = RootKeys.Value.Contains(settingName);
            reason = isRoot ? "root key of appsettings.json" : "not a root key of appsettings.json";
            return isRoot;
        }

        if (parts.Length != 2 || !Sections.Contains(parts[0], StringComparer.Ordinal))
        {
            reason = $"\"{parts[0]}\" is not one of the bot's options sections";
            return false;
        }

        var (section, key) = (parts[0], parts[1]);
        if (OptionsTypes.Value.TryGetValue(section, out var type))
        {
            var property = type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            reason = property is { CanWrite: true } ? $"{type.Name}.{property.Name}" : $"{type.Name} has no settable property {key}";
            return property is { CanWrite: true };
        }

        var pending = PendingSectionKeys.TryGetValue(section, out var keys) && keys.Contains(key, StringComparer.Ordinal);
        reason = pending ? $"pending key of section {section}" : $"{section} has no options class yet and {key} is not a pending key";
        return pending;
    }

    private static readonly Lazy<HashSet<string>> RootKeys = new(() =>
    {
        var root = JsonNode.Parse(File.ReadAllText(Repository.File("appsettings.json")))!.AsObject();
        return root.Where(p => p.Value is JsonValue).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    });

    private static readonly Lazy<Dictionary<string, Type>> OptionsTypes = new(() =>
        typeof(HelplineBot.Hosting.HelplineOptions).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string)
                && (x.Type.Name.EndsWith("Options", StringComparison.Ordinal) || x.Type.Name.EndsWith("Settings", StringComparison.Ordinal)))
            .GroupBy(x => (string)x.Field!.GetRawConstantValue()!)
            .ToDictionary(g => g.Key, g => g.First().Type));
}
