namespace HelplineBot.Protocol;

// Event ids 1160-1179. Status codes and ids only, never message text (style.md #10).
internal static partial class MessagesLog
{
    [LoggerMessage(1160, LogLevel.Information, "/api/messages answered {Status} for activity {ActivityId} on {ChannelId}/{ConversationId}")]
    public static partial void Rejected(ILogger logger, int status, string? channelId, string? conversationId, string? activityId);
}
