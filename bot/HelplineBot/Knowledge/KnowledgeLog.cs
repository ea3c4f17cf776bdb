namespace HelplineBot.Knowledge;

// Event ids 1400-1499. Ids, counts, durations and labels only: never the visitor's words.
internal static partial class KnowledgeLog
{
    [LoggerMessage(1400, LogLevel.Information, "Knowledge loaded: {SectionCount} sections in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, int sectionCount, long elapsedMs);

    [LoggerMessage(1401, LogLevel.Error, "Knowledge reload failed; the previous knowledge stays in use")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1402, LogLevel.Information, "Answered from section {SectionId} ({Mode}) in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string sectionId, string mode, double elapsedMs);

    [LoggerMessage(1403, LogLevel.Information, "Declined a question: {Reason}")]
    public static partial void Declined(ILogger logger, string reason);

    [LoggerMessage(1404, LogLevel.Warning, "Generated answer replaced by the extractive one: {Reason}")]
    public static partial void GenerationFellBack(ILogger logger, string reason);
}
