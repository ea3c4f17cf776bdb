using HelplineBot.Protocol.Schema;

namespace HelplineBot.Handoff;

/// <summary>Where the person is: enough to send them a message later (advisor words, queue updates).</summary>
public sealed record VisitorAddress(string ChannelId, string ConversationId, string? ServiceUrl, string? VisitorId, string? BotId = null)
{
    /// <summary>The address of the person who sent <paramref name="inbound"/>.</summary>
    public static VisitorAddress From(Activity inbound) => new(
        inbound.ChannelId ?? throw new ArgumentException("The activity has no channelId.", nameof(inbound)),
        inbound.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.", nameof(inbound)),
        inbound.ServiceUrl,
        inbound.From?.Id,
        inbound.Recipient?.Id);
}
