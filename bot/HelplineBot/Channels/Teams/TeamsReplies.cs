using System.Text.Json;
using HelplineBot.Dialogs.Rendering;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels.Teams;

/// <summary>
/// Outgoing Teams messages: suggested actions become an Adaptive Card (1.5) on the same message. Teams
/// shows suggested actions in personal chats only and only imBack ones, drops them in group chats and
/// channels, and never renders a "call" or a tel: openUrl suggested action (protocol.md §6.4; seen in the
/// Agents Playground) — so the crisis reply's "Call 988" button would be lost. In the card, imBack becomes
/// an Action.Submit whose press comes back like a typed answer (<see cref="ChoiceRendering.SubmitProperty"/>),
/// openUrl and call become Action.OpenUrl. The message's text stays text.
/// </summary>
public static class TeamsReplies
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static void Adapt(Activity reply)
    {
        if (!TeamsActivity.IsTeams(reply) || reply.SuggestedActions?.Actions is not { Count: > 0 } actions) return;
        var card = Card(actions);
        reply.SuggestedActions = null;
        if (card is null) return;
        reply.Attachments = [.. reply.Attachments ?? [], new Attachment { ContentType = AdaptiveCardContentType, Content = card }];
    }

    private static JsonElement? Card(IReadOnlyList<CardAction> actions)
    {
        using var buffer = new MemoryStream();
        var written = 0;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "AdaptiveCard");
            json.WriteString("version", "1.5");
            json.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            json.WriteStartArray("body");
            json.WriteEndArray();
            json.WriteStartArray("actions");
            foreach (var action in actions)
            {
                var title = action.Title ?? ValueText(action);
                var value = ValueText(action) ?? action.Title;
                if (title is null || value is null) continue;
                switch (action.Type)
                {
                    case ActionTypes.ImBack or ActionTypes.MessageBack or ActionTypes.PostBack:
                        json.WriteStartObject();
                        json.WriteString("type", "Action.Submit");
                        json.WriteString("title", title);
                        json.WriteStartObject("data");
                        json.WriteString(ChoiceRendering.SubmitProperty, action.Type == ActionTypes.MessageBack ? action.Text ?? value : value);
                        json.WriteEndObject();
                        json.WriteEndObject();
                        written++;
                        break;
                    case ActionTypes.OpenUrl or ActionTypes.Call:
                        var url = action.Type == ActionTypes.Call && !value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? "tel:" + value : value;
                        json.WriteStartObject();
                        json.WriteString("type", "Action.OpenUrl");
                        json.WriteString("title", title);
                        json.WriteString("url", url);
                        json.WriteEndObject();
                        written++;
                        break;
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (written == 0) return null;
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static string? ValueText(CardAction action) =>
        action.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
