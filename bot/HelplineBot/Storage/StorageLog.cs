namespace HelplineBot.Storage;

// Event ids 1300-1399.
internal static partial class StorageLog
{
    [LoggerMessage(1300, LogLevel.Information, "Applied storage migration {Name}")]
    public static partial void MigrationApplied(ILogger logger, string name);
}
