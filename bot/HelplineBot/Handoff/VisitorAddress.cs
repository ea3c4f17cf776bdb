namespace HelplineBot.Handoff;

/// <summary>Where the person is: enough to send them a message later (advisor words, queue updates).</summary>
public sealed record VisitorAddress(string ChannelId, string ConversationId, string? ServiceUrl, string? VisitorId, string? BotId = null);
