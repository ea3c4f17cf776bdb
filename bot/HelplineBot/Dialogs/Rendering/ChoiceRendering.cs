using System.Text;
using System.Text.Json;
using HelplineBot.Protocol.Schema;
using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Dialogs.Rendering;

/// <summary>
/// How a question with options reaches each channel (issue 3 §2): suggested actions (imBack buttons)
/// where the channel shows them (Web Chat over Direct Line), an Adaptive Card with Action.Submit buttons
/// in Teams (the press comes back as <c>activity.value</c>, see <see cref="ReadSubmittedChoice"/>), and a
/// numbered list in the text elsewhere. The person can always type the number or the words instead.
/// </summary>
public static class ChoiceRendering
{
    /// <summary>Property of the Action.Submit data that carries the picked label back.</summary>
    public const string SubmitProperty = "helplineChoice";

    private static readonly HashSet<string> SuggestedActionChannels =
        new([ChannelIds.DirectLine, ChannelIds.WebChat, ChannelIds.Emulator, ChannelIds.Test], StringComparer.OrdinalIgnoreCase);

    public static Activity Render(string? channelId, string text, IReadOnlyList<string> labels)
    {
        if (labels.Count == 0) return new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown", InputHint = "expectingInput" };
        if (channelId is not null && SuggestedActionChannels.Contains(channelId))
        {
            return new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                TextFormat = "markdown",
                InputHint = "expectingInput",
                SuggestedActions = new SuggestedActions { Actions = labels.Select(label => CardAction.ImBack(label)).ToList() },
            };
        }
        if (string.Equals(channelId, ChannelIds.MsTeams, StringComparison.OrdinalIgnoreCase))
        {
            return new Activity
            {
                Type = ActivityTypes.Message,
                InputHint = "expectingInput",
                Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = Card(text, labels) }],
            };
        }
        var list = new StringBuilder(text).Append("\n\n");
        for (var i = 0; i < labels.Count; i++) list.Append(i + 1).Append(". ").Append(labels[i]).Append('\n');
        return new Activity { Type = ActivityTypes.Message, Text = list.ToString().TrimEnd(), TextFormat = "markdown", InputHint = "expectingInput" };
    }

    /// <summary>The label a card button sent back in <c>activity.value</c>, or null when the value is something else.</summary>
    public static string? ReadSubmittedChoice(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value) return null;
        return value.TryGetProperty(SubmitProperty, out var choice) && choice.ValueKind == JsonValueKind.String ? choice.GetString() : null;
    }

    // Adaptive Card 1.5 (what Teams renders on every client, protocol.md §6.4).
    private static JsonElement Card(string text, IReadOnlyList<string> labels)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "AdaptiveCard");
            json.WriteString("version", "1.5");
            json.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            json.WriteStartArray("body");
            json.WriteStartObject();
            json.WriteString("type", "TextBlock");
            json.WriteString("text", text);
            json.WriteBoolean("wrap", true);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("actions");
            foreach (var label in labels)
            {
                json.WriteStartObject();
                json.WriteString("type", "Action.Submit");
                json.WriteString("title", label);
                json.WriteStartObject("data");
                json.WriteString(SubmitProperty, label);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
