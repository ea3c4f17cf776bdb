using System.Text.Json;
using System.Text.RegularExpressions;
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

    /// <summary>Personal chats are always for the bot; in group chats and channels only messages that mention it.</summary>
    public static bool IsAddressedToBot(Activity activity)
    {
        var type = activity.Conversation?.ConversationType;
        var isGroup = activity.Conversation?.IsGroup == true || type is "groupChat" or "channel";
        return !isGroup || MentionsOf(activity).Any(m => m.Id == activity.Recipient?.Id);
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
