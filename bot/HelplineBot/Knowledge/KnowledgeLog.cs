namespace HelplineBot.Knowledge;

// Event ids 1600-1699. Ids, counts, durations and labels only: never the visitor's words.
internal static partial class KnowledgeLog
{
    [LoggerMessage(1600, LogLevel.Information, "Knowledge loaded: {SectionCount} sections in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, int sectionCount, long elapsedMs);

    [LoggerMessage(1601, LogLevel.Error, "Knowledge reload failed; the previous knowledge stays in use")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1602, LogLevel.Information, "Answered from section {SectionId} ({Mode}) in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string sectionId, string mode, double elapsedMs);

    [LoggerMessage(1603, LogLevel.Information, "Declined a question: {Reason}")]
    public static partial void Declined(ILogger logger, string reason);

    [LoggerMessage(1604, LogLevel.Warning, "Generated answer replaced by the extractive one: {Reason}")]
    public static partial void GenerationFellBack(ILogger logger, string reason);
}
