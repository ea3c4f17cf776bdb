using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelplineBot.Handoff;
using HelplineBot.Protocol.Schema;
using HelplineBot.Safety;

namespace HelplineBot.Channels.Teams.Alerts;

/// <summary>
/// The Adaptive Card (1.5) that tells advisors in Teams a person is waiting. Privacy by construction: it is
/// built from the handoff's id, reason, priority and times only — never the visitor's words, name or number,
/// because a Teams channel is outside the helpline's console and its access controls.
/// </summary>
public static class TeamsAlertCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment Build(HandoffEntry entry, Uri consoleLink, DateTimeOffset now, bool isRepeat)
    {
        var crisis = entry.IsCrisis;
        var waited = now - entry.QueuedAt;
        var title = crisis ? "Crisis: a person needs an advisor now" : IsCallback(entry) ? "A person asked to be called back" : "A person is waiting for an advisor";
        if (isRepeat) title = "Still waiting · " + title;
        var queuedAt = entry.QueuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "Container",
                    ["style"] = crisis ? "attention" : "emphasis",
                    ["bleed"] = true,
                    ["items"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "TextBlock",
                        ["text"] = crisis ? "CRISIS · priority 0" : $"Request · priority {entry.Priority}",
                        ["weight"] = "Bolder",
                        ["color"] = crisis ? "Attention" : "Accent",
                    }),
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray(
                        Fact("Reason", Reason(entry)),
                        Fact("Waiting", Waiting(waited)),
                        Fact("Handoff", entry.Id)),
                },
                // Teams shows {{DATE}}/{{TIME}} in each reader's own time zone.
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"Queued {{{{DATE({queuedAt}, SHORT)}}}} at {{{{TIME({queuedAt})}}}}", ["isSubtle"] = true, ["wrap"] = true }),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.OpenUrl",
                ["title"] = IsCallback(entry) ? "Open in the advisor console" : "Open the conversation in the advisor console",
                ["url"] = consoleLink.AbsoluteUri,
            }),
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        using var document = JsonDocument.Parse(card.ToJsonString());
        return new Attachment { ContentType = ContentType, Content = document.RootElement.Clone() };
    }

    /// <summary>The reason in plain words: the crisis category, "asked for a person" or "call back".</summary>
    public static string Reason(HandoffEntry entry)
    {
        if (entry.IsCrisis) return "Crisis: " + CrisisInPlainWords(entry.CrisisCategory);
        return IsCallback(entry) ? "Call back" : "Asked for a person";
    }

    /// <summary>The text Teams shows in notifications and the activity feed: reason only.</summary>
    public static string Summary(HandoffEntry entry) =>
        entry.IsCrisis ? "Crisis: a person needs an advisor now" : IsCallback(entry) ? "Call back requested" : "A person is waiting for an advisor";

    public static string Waiting(TimeSpan waited)
    {
        if (waited < TimeSpan.FromMinutes(1)) return "less than a minute";
        var minutes = (int)waited.TotalMinutes;
        if (minutes < 60) return minutes == 1 ? "1 minute" : $"{minutes} minutes";
        return $"{minutes / 60} h {minutes % 60} min";
    }

    private static bool IsCallback(HandoffEntry entry) => entry.Reason == HandoffReason.Callback || entry.State == HandoffState.Callback;

    private static string CrisisInPlainWords(string? category) => category switch
    {
        SafetyLabels.CrisisSuicide => "thoughts of suicide",
        SafetyLabels.CrisisSelfHarm => "self-harm",
        SafetyLabels.CrisisOverdoseMedical => "overdose or medical emergency",
        SafetyLabels.CrisisHarmToOthers => "risk of harming someone else",
        SafetyLabels.CrisisAbuseDanger => "abuse or in danger",
        _ => "urgent safety concern",
    };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
