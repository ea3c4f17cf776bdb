namespace HelplineBot.Dialogs;

// Event ids 1400-1499. Ids, counts and labels only, never message text or answers (style.md #10).
internal static partial class DialogsLog
{
    [LoggerMessage(1400, LogLevel.Information, "Loaded {Count} scripted flows")]
    public static partial void FlowsLoaded(ILogger logger, int count);

    [LoggerMessage(1401, LogLevel.Error, "Edited flow files were rejected; the previous flows stay in use")]
    public static partial void ReloadRejected(ILogger logger, Exception exception);

    [LoggerMessage(1402, LogLevel.Debug, "Activity {ActivityId} on {ConversationKey} was already processed (durable check)")]
    public static partial void DuplicateDropped(ILogger logger, string? activityId, string conversationKey);

    [LoggerMessage(1403, LogLevel.Warning, "State of {ConversationKey} changed under turn {ActivityId} (attempt {Attempt}); re-running the turn")]
    public static partial void SaveConflict(ILogger logger, string conversationKey, string? activityId, int attempt);

    [LoggerMessage(1404, LogLevel.Warning, "Stored state of {ConversationKey} has schema {SchemaVersion}; starting fresh")]
    public static partial void StateSchemaMismatch(ILogger logger, string conversationKey, int schemaVersion);

    [LoggerMessage(1405, LogLevel.Information, "Conversation {ConversationKey} expired after silence; fresh start")]
    public static partial void ConversationExpired(ILogger logger, string conversationKey);

    [LoggerMessage(1406, LogLevel.Information, "Dialog {DialogId} on {ConversationKey} reached its attempt limit at step {StepId}")]
    public static partial void AttemptLimitReached(ILogger logger, string dialogId, string conversationKey, string stepId);

    [LoggerMessage(1407, LogLevel.Information, "Interruption {Kind} on {ConversationKey} ended dialog {DialogId}")]
    public static partial void Interrupted(ILogger logger, string kind, string conversationKey, string? dialogId);

    [LoggerMessage(1408, LogLevel.Information, "Request for a person ({Reason}) recorded for {ConversationKey}")]
    public static partial void HandoffRecorded(ILogger logger, string reason, string conversationKey);

    [LoggerMessage(1409, LogLevel.Information, "Callback request recorded for {ConversationKey}")]
    public static partial void CallbackRecorded(ILogger logger, string conversationKey);

    [LoggerMessage(1410, LogLevel.Warning, "Dialog {DialogId} is no longer defined (flows edited); stack of {ConversationKey} reset")]
    public static partial void DialogMissing(ILogger logger, string dialogId, string conversationKey);
}
