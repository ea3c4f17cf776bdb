using System.Text.Json;
using System.Text.RegularExpressions;
using HelplineBot.Dialogs.Rendering;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels.Teams;

/// <summary>
/// Teams shapes, read the way protocol.md §6 describes them: the bot's @mention removed from the text,
/// whether a group or channel message is addressed to the bot, and the person's stable id. (A card
/// button's submitted value is read by the dialogs: ChoiceRendering.ReadSubmittedChoice.)
/// </summary>
public static partial class TeamsActivity
{
    public static bool IsTeams(Activity activity) => activity.ChannelId == Protocol.Schema.Channels.MsTeams;

    /// <summary>
    /// Personal chats are always for the bot; in group chats and channels only messages that mention it,
    /// and card button presses (Action.Submit: <c>value</c> set, no mention), which Teams sends only to the
    /// bot that posted the card.
    /// </summary>
    public static bool IsAddressedToBot(Activity activity) =>
        !IsGroupConversation(activity)
        || activity.Value is { ValueKind: JsonValueKind.Object }
        || MentionsOf(activity).Any(m => m.Id == activity.Recipient?.Id);

    /// <summary>A group chat or a team channel: several people share the conversation id.</summary>
    public static bool IsGroupConversation(Activity activity) =>
        activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "groupChat" or "channel";

    /// <summary>
    /// Where the bot keeps what one person is doing with it. A personal chat's conversation id is the same
    /// for one person and the bot every time, so the conversation is the key. In a Teams group chat or
    /// channel several people share the conversation: each gets their own state (their own self-check,
    /// answers and welcome), keyed by <see cref="PersonKey"/> inside that conversation.
    /// </summary>
    public static string ConversationStateKey(Activity activity)
    {
        var key = $"{activity.ChannelId}/{activity.Conversation?.Id}";
        return IsTeams(activity) && IsGroupConversation(activity) && PersonKey(activity) is { } person ? $"{key}/{person}" : key;
    }

    /// <summary>
    /// Removes the bot's own mention (by the entity's text, else &lt;at&gt;name&lt;/at&gt;) and trims; other
    /// people's mentions stay, because they are part of what was said.
    /// </summary>
    public static void RemoveBotMention(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Text)) return;
        var text = activity.Text;
        foreach (var mention in MentionsOf(activity).Where(m => m.Id == activity.Recipient?.Id))
        {
            var marker = mention.Text ?? $"<at>{mention.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(marker), " ", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));
        }
        activity.Text = WhiteSpace().Replace(text, " ").Trim();
    }

    /// <summary>
    /// A card button press (Action.Submit: empty text, the choice in <c>value</c>) gets the choice as its
    /// text, as an imBack would have: the safety screen and the crisis buttons (grounding) read the text.
    /// </summary>
    public static void TakeCardPressAsText(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text) || activity.Type != ActivityTypes.Message) return;
        if (ChoiceRendering.ReadSubmittedChoice(activity) is { Length: > 0 } choice) activity.Text = choice;
    }

    /// <summary>The id that stays the same for one person across Teams conversations: the Entra object id when present.</summary>
    public static string? PersonKey(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? $"aad:{aad}" : activity.From?.Id;

    public static IEnumerable<Mention> MentionsOf(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.ExtensionData is null) continue;
            string? id = null, name = null, text = null;
            if (entity.ExtensionData.TryGetValue("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object)
            {
                id = mentioned.TryGetProperty("id", out var i) ? i.GetString() : null;
                name = mentioned.TryGetProperty("name", out var n) ? n.GetString() : null;
            }
            if (entity.ExtensionData.TryGetValue("text", out var t) && t.ValueKind == JsonValueKind.String) text = t.GetString();
            yield return new Mention(id, name, text);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>A mention entity: who was mentioned and the marker text it stands as in the message.</summary>
public sealed record Mention(string? Id, string? Name, string? Text);
