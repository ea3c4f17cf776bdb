using HelplineBot.Channels;
using HelplineBot.Channels.Teams;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Handoff;

/// <summary>
/// When a person has left without saying so (issue 6: a closed tab sends no endOfConversation). Two signals:
/// the built-in Direct Line's presence (no open stream and no request for the grace period), and a channel's
/// conversationUpdate that removes the person or the bot.
/// </summary>
public static class AbandonRule
{
    /// <summary>States in which the person waits for an advisor and no advisor is in a chat with them yet.</summary>
    public static bool IsWaiting(HandoffState state) =>
        state is HandoffState.Queued or HandoffState.Assigned or HandoffState.Transferred;

    /// <summary>
    /// True when the channel gives a signal and it says the person has been gone for at least
    /// <paramref name="grace"/>. No signal (Teams, Azure's own channels) is never taken for absence.
    /// </summary>
    public static bool HasLeft(PresenceSignal? signal, DateTimeOffset now, TimeSpan grace) =>
        signal is { IsConnected: false } gone && now - gone.LastSeen >= grace;

    /// <summary>
    /// A waiting person who left leaves the line. A chat with an advisor stays open: the advisor sees the person
    /// seems gone and ends it themselves (a person reading, or whose phone locked, must not be cut off mid-crisis).
    /// </summary>
    public static bool ShouldAbandon(HandoffEntry entry, PresenceSignal? signal, DateTimeOffset now, TimeSpan grace) =>
        IsWaiting(entry.State) && HasLeft(signal, now, grace);

    /// <summary>A chat with an advisor whose person seems to have left: shown to the advisor, nothing more.</summary>
    public static bool SeemsGone(HandoffEntry entry, PresenceSignal? signal, DateTimeOffset now, TimeSpan grace) =>
        entry.State == HandoffState.Active && HasLeft(signal, now, grace);

    /// <summary>
    /// Who ended the handoff by a conversationUpdate: <see cref="Actor.Visitor"/> when the person was removed
    /// from the conversation, <see cref="Actor.System"/> when the bot was (uninstalled, removed from the chat),
    /// null when someone else left or the person cannot be told apart from other members.
    /// </summary>
    public static string? WhoLeft(Activity update, HandoffEntry entry)
    {
        if (update.Type != ActivityTypes.ConversationUpdate || update.MembersRemoved is not { Count: > 0 } removed) return null;
        var botId = update.Recipient?.Id ?? entry.Visitor.BotId;
        if (removed.Any(member => member.Id is { } id && (id == botId || id == entry.Visitor.BotId))) return Actor.System;
        if (entry.Visitor.VisitorId is { } visitorId) return removed.Any(member => member.Id == visitorId) ? Actor.Visitor : null;
        // Without the person's id (an address recovered after a restart), only a one-to-one chat is certain.
        return TeamsActivity.IsGroupConversation(update) ? null : Actor.Visitor;
    }
}
