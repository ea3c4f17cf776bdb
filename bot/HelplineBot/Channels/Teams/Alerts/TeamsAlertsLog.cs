namespace HelplineBot.Channels.Teams.Alerts;

// Event ids 1960-1969. Handoff ids, reasons and counts only: never the visitor's words or personal data (style.md #10).
internal static partial class TeamsAlertsLog
{
    [LoggerMessage(1960, LogLevel.Information, "Teams alert posted for handoff {HandoffId} ({Reason}, repeat {IsRepeat})")]
    public static partial void Posted(ILogger logger, string handoffId, string reason, bool isRepeat);

    [LoggerMessage(1961, LogLevel.Error, "Could not post the Teams alert for handoff {HandoffId}")]
    public static partial void PostFailed(ILogger logger, Exception exception, string handoffId);

    [LoggerMessage(1962, LogLevel.Warning, "Teams alert for handoff {HandoffId} dropped: too many alerts waiting to be posted")]
    public static partial void Dropped(ILogger logger, string handoffId);

    [LoggerMessage(1963, LogLevel.Error, "Looking for handoffs still waiting for a repeat Teams alert failed")]
    public static partial void RepeatScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(1964, LogLevel.Information, "Teams alerts enabled for conversation {ConversationId}, repeat after {RepeatAfter}")]
    public static partial void Started(ILogger logger, string conversationId, TimeSpan repeatAfter);
}
