namespace HelplineBot.Turns;

// Event ids 1000-1099. Ids and labels only, never message text (privacy, style.md #10).
internal static partial class TurnsLog
{
    [LoggerMessage(1000, LogLevel.Debug, "Duplicate activity {ActivityId} on {ChannelId}/{ConversationId} acknowledged and dropped")]
    public static partial void DuplicateDropped(ILogger logger, string? channelId, string conversationId, string? activityId);

    [LoggerMessage(1001, LogLevel.Error, "Turn failed for activity {ActivityId} on {ChannelId}/{ConversationId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? channelId, string conversationId, string? activityId);

    [LoggerMessage(1002, LogLevel.Error, "Could not send the apology on {ChannelId}/{ConversationId}")]
    public static partial void ApologyFailed(ILogger logger, Exception exception, string? channelId, string? conversationId);

    [LoggerMessage(1003, LogLevel.Error, "A screen failed for activity {ActivityId} on {ChannelId}/{ConversationId}")]
    public static partial void ScreenFailed(ILogger logger, Exception exception, string? channelId, string conversationId, string? activityId);

    [LoggerMessage(1004, LogLevel.Error, "The conversation failed on a crisis on {ChannelId}/{ConversationId}; queuing the priority handoff directly")]
    public static partial void CrisisHandoffFallback(ILogger logger, Exception exception, string? channelId, string? conversationId);
}
