namespace HelplineBot.Storage;

/// <summary>When the retention job runs and how it paces its writes. Fixed in code; tests replace it.</summary>
public sealed record RetentionSchedule
{
    /// <summary>The first round, shortly after start (not during it). Default 1 minute.</summary>
    public TimeSpan FirstRunAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The rounds after it. Default 1 hour: a record outlives the period by an hour at most.</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Records per write transaction. Default 100 (a few milliseconds of the writer each).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>
    /// Pause between two full batches, so turns waiting for the SQLite writer (busy timeout) get it before the
    /// next batch does, even during a large first clean-up. Default 50 milliseconds.
    /// </summary>
    public TimeSpan PauseBetweenBatches { get; init; } = TimeSpan.FromMilliseconds(50);
}
