namespace HelplineBot.Safety;

// Event ids 1500-1599. Counts and labels only: never message text, evidence or numbers a person typed.
internal static partial class SafetyLog
{
    [LoggerMessage(1500, LogLevel.Information, "Safety rules loaded: {RuleCount} rules, {GuardCount} guards")]
    public static partial void RulesLoaded(ILogger logger, int ruleCount, int guardCount);

    [LoggerMessage(1501, LogLevel.Error, "Crisis reply file {File} could not be used ({Problem}); the built-in replies are used instead")]
    public static partial void RepliesFileRejected(ILogger logger, string file, string problem);

    [LoggerMessage(1510, LogLevel.Warning, "Crisis verdict {Label} (confidence {Confidence}) on {ChannelId}/{ConversationId}, activity {ActivityId}")]
    public static partial void CrisisDetected(ILogger logger, string label, double confidence, string? channelId, string? conversationId, string? activityId);

    [LoggerMessage(1511, LogLevel.Information, "Request for a person on {ChannelId}/{ConversationId}, activity {ActivityId}")]
    public static partial void PersonRequested(ILogger logger, string? channelId, string? conversationId, string? activityId);

    [LoggerMessage(1512, LogLevel.Information, "Crisis reply sent on {ChannelId}/{ConversationId} in {ElapsedMs} ms")]
    public static partial void CrisisReplySent(ILogger logger, string? channelId, string? conversationId, double elapsedMs);

    [LoggerMessage(1520, LogLevel.Information, "Safety second opinion: {Mode}")]
    public static partial void SecondOpinionMode(ILogger logger, string mode);

    [LoggerMessage(1521, LogLevel.Warning, "Safety second opinion raised {RulesLabel} to {Label}")]
    public static partial void SecondOpinionRaised(ILogger logger, string rulesLabel, string label);

    [LoggerMessage(1522, LogLevel.Warning, "Safety second opinion unavailable ({Reason}); the rules' verdict stands")]
    public static partial void SecondOpinionFailed(ILogger logger, string reason);

    [LoggerMessage(1523, LogLevel.Warning, "Safety second opinion refused by the content filter (on the {Part}); the rules' verdict stands")]
    public static partial void SecondOpinionFiltered(ILogger logger, string part);
}
