namespace HelplineBot.Protocol.Connector;

// Event ids 1130-1159. Ids, methods and status codes only, never message text (style.md #10).
internal static partial class ConnectorLog
{
    [LoggerMessage(1130, LogLevel.Debug, "Connector {Method} answered {Status} for conversation {ConversationId} (operation {OperationId})")]
    public static partial void Sent(ILogger logger, string method, int status, string? conversationId, string? operationId);

    [LoggerMessage(1131, LogLevel.Warning, "Connector {Method} failed with {Status} for conversation {ConversationId} (operation {OperationId})")]
    public static partial void CallFailed(ILogger logger, string method, int status, string? conversationId, string? operationId);

    [LoggerMessage(1132, LogLevel.Warning, "Connector call for conversation {ConversationId} refused, no token sent: {Reason}")]
    public static partial void Refused(ILogger logger, string? conversationId, string reason);

    [LoggerMessage(1133, LogLevel.Debug, "Trace activity for {ChannelId}/{ConversationId} not posted: only the emulator shows traces")]
    public static partial void TraceSkipped(ILogger logger, string? channelId, string? conversationId);
}
