using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelplineBot.Tools.Teams;

/// <summary>
/// Builds manifest.json of the Teams app (app manifest schema 1.22, the current version in Microsoft's
/// manifest reference; protocol.md §6.7 lists the required fields and limits).
/// </summary>
internal static class TeamsAppManifest
{
    public const string ManifestVersion = "1.22";
    public const string SchemaUrl = $"https://developer.microsoft.com/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    public const int ShortDescriptionMaxLength = 80;
    public const int FullDescriptionMaxLength = 4000;

    // Relaxed escaping: the manifest is a file people read, not HTML; apostrophes stay apostrophes.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Command hints Teams shows above the compose box; the bot understands each as typed text.</summary>
    public static readonly IReadOnlyList<(string Title, string Description)> Commands =
    [
        ("menu", "See what I can help you with"),
        ("self-check", "A short, private check-in about your ketamine use"),
        ("talk to an advisor", "Ask to chat with a person from the helpline"),
    ];

    public static JsonObject Create(TeamsAppDefinition app)
    {
        var appId = app.AppId.ToString("D");
        // Lower case as in the published schema's enum ("groupchat"); samples that write "groupChat" rely on
        // Teams being lenient, a schema validator is not.
        var scopes = new[] { "personal", "team", "groupchat" };
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = app.Version,
            ["id"] = appId,
            ["developer"] = new JsonObject
            {
                ["name"] = app.DeveloperName,
                ["websiteUrl"] = app.WebsiteUrl.ToString(),
                ["privacyUrl"] = app.PrivacyUrl.ToString(),
                ["termsOfUseUrl"] = app.TermsOfUseUrl.ToString(),
            },
            ["name"] = new JsonObject { ["short"] = app.ShortName, ["full"] = app.FullName },
            ["description"] = new JsonObject
            {
                ["short"] = "Private answers about ketamine and its treatment, and a way to reach a person.",
                ["full"] = FullDescription(app),
            },
            ["icons"] = new JsonObject { ["color"] = ColorIconFile, ["outline"] = OutlineIconFile },
            ["accentColor"] = app.AccentColor,
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = appId,
                    ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
                    ["isNotificationOnly"] = false,
                    ["supportsFiles"] = false,
                    ["supportsCalling"] = false,
                    ["supportsVideo"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
                            ["commands"] = new JsonArray(Commands
                                .Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["description"] = c.Description })
                                .ToArray()),
                        },
                    },
                },
            },
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(app.ValidDomains.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
        };
    }

    public static string ToJson(JsonObject manifest) => manifest.ToJsonString(Indented);

    private static string FullDescription(TeamsAppDefinition app) =>
        $"The {app.FullName} answers questions about ketamine, its effects and its treatment from the helpline's "
        + "own reviewed information, and can walk you through a short, private self-check. Whenever you want a person, "
        + $"say \"talk to an advisor\" and it connects you with someone from the helpline. You can also call {app.HelplinePhone} "
        + $"({app.HelplineHours}). If you or someone else is in danger right now, call your local emergency number.";
}
