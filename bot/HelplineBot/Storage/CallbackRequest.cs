namespace HelplineBot.Storage;

/// <summary>
/// A person's request to be called back, as advisors read it. <see cref="Context"/> holds what the person
/// already told the bot (e.g. self-check answers) so nobody has to ask twice.
/// </summary>
public sealed record CallbackRequest(
    string ConversationKey,
    string ActivityId,
    string Name,
    string PhoneE164,
    string BestTime,
    bool VoicemailOk,
    IReadOnlyDictionary<string, string> Context,
    DateTimeOffset RequestedAt);
