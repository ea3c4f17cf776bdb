namespace HelplineBot.Storage;

/// <summary>A request for a person (chat with an advisor), with the reason label and the bot's context.</summary>
public sealed record AdvisorRequest(
    string ConversationKey,
    string ActivityId,
    string Reason,
    IReadOnlyDictionary<string, string> Context,
    DateTimeOffset RequestedAt);
