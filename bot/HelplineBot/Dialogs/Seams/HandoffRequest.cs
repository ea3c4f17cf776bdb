namespace HelplineBot.Dialogs.Seams;

/// <summary>
/// A request for a person: which conversation, the activity that caused it (makes the request idempotent),
/// why, and what the bot learned so far (e.g. self-check answers) for the advisor's screen.
/// </summary>
public sealed record HandoffRequest(
    string ConversationKey,
    string ActivityId,
    HandoffReason Reason,
    string? ActiveDialogId,
    IReadOnlyDictionary<string, string> Context);
