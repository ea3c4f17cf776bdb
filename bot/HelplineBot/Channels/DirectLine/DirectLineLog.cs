namespace HelplineBot.Channels.DirectLine;

// Event ids 1200-1299. Ids and counts only, never message text.
internal static partial class DirectLineLog
{
    [LoggerMessage(1200, LogLevel.Warning, "No DirectLine:Secret configured: using a generated development secret kept in the data folder")]
    public static partial void UsingGeneratedSecret(ILogger logger);

    [LoggerMessage(1201, LogLevel.Information, "Direct Line conversation {ConversationId} started")]
    public static partial void ConversationStarted(ILogger logger, string conversationId);

    [LoggerMessage(1202, LogLevel.Warning, "Direct Line request refused with {Status} ({Code}) for conversation {ConversationId}")]
    public static partial void Refused(ILogger logger, int status, string code, string? conversationId);

    [LoggerMessage(1203, LogLevel.Debug, "Stream opened for conversation {ConversationId} from watermark {Watermark}")]
    public static partial void StreamOpened(ILogger logger, string conversationId, long watermark);

    [LoggerMessage(1205, LogLevel.Error, "Direct Line could not store an activity of conversation {ConversationId}; it was pushed live only")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(1204, LogLevel.Debug, "Stream closed for conversation {ConversationId}")]
    public static partial void StreamClosed(ILogger logger, string conversationId);
}
