namespace HelplineBot.Storage;

// Event ids 1300-1399. Names, kinds and counts only: never what a record holds.
internal static partial class StorageLog
{
    [LoggerMessage(1300, LogLevel.Information, "Applied storage migration {Name}")]
    public static partial void MigrationApplied(ILogger logger, string name);

    [LoggerMessage(1301, LogLevel.Information, "Retention removed {Count} {Kind} past the retention period in {Batches} batches")]
    public static partial void RetentionRemoved(ILogger logger, string kind, int count, int batches);

    [LoggerMessage(1302, LogLevel.Error, "Retention could not remove {Kind}; the next round tries again")]
    public static partial void RetentionFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(1303, LogLevel.Debug, "Retention round done: {Count} records removed in {ElapsedMs} ms")]
    public static partial void RetentionRoundDone(ILogger logger, int count, long elapsedMs);
}
