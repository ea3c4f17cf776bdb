namespace HelplineBot.Protocol.Auth;

// Event ids 1100-1129. Ids, counts and reason labels only; never a token or message text (style.md #10).
internal static partial class AuthLog
{
    [LoggerMessage(1100, LogLevel.Warning, "Channel token rejected ({Failure}) for activity {ActivityId} on {ChannelId}/{ConversationId}")]
    public static partial void TokenRejected(ILogger logger, TokenFailure failure, string? channelId, string? conversationId, string? activityId);

    [LoggerMessage(1101, LogLevel.Information, "Fetched {KeyCount} signing keys from {MetadataUrl} (unknown key: {UnknownKey})")]
    public static partial void KeysFetched(ILogger logger, string metadataUrl, int keyCount, bool unknownKey);

    [LoggerMessage(1102, LogLevel.Error, "Could not fetch signing keys from {MetadataUrl} (keeping previous keys: {HasPrevious})")]
    public static partial void KeysFetchFailed(ILogger logger, Exception exception, string metadataUrl, bool hasPrevious);

    [LoggerMessage(1103, LogLevel.Warning, "MicrosoftAppId is not set: /api/messages runs in OPEN DEVELOPMENT MODE without channel authentication, and replies go only to loopback service URLs. Set MicrosoftAppId before taking real traffic.")]
    public static partial void OpenDevelopmentMode(ILogger logger);
}
