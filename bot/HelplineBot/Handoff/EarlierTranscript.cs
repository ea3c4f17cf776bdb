using HelplineBot.Channels.DirectLine;
using HelplineBot.Protocol.Schema;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Handoff;

/// <summary>
/// What the person and the bot said before the handoff, for the advisor's transcript. The built-in
/// Direct Line keeps its own log; other channels have none until a transcript store exists, so the
/// advisor then sees the bot's context and the messages since the handoff only.
/// </summary>
public sealed class EarlierTranscript(DirectLineConversations directLine)
{
    private const int Limit = 500;

    public async Task<IReadOnlyList<RelayedMessage>> ReadBeforeAsync(HandoffEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Visitor.ChannelId is not (ChannelIds.DirectLine or ChannelIds.WebChat)) return [];
        var activities = await directLine.ReadAfterAsync(entry.Visitor.ConversationId, 0, Limit, cancellationToken);
        return activities
            .Select(pair => pair.Activity)
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text) && a.Timestamp is { } at && at <= entry.QueuedAt)
            .Select(a => new RelayedMessage(a.From?.Role == RoleTypes.Bot ? RelayedMessage.Bot : RelayedMessage.Visitor, null, a.Text!, a.Timestamp!.Value))
            .ToArray();
    }
}
