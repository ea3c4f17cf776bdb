namespace HelplineBot.Storage;

/// <summary>
/// One kind of stored record with personal content that the retention job removes once its conversation is
/// older than Storage:RetainConversationsFor. Each feature owns the SQL for its own tables; the job only paces.
/// </summary>
public interface IExpiringRecords
{
    /// <summary>What is removed, for the log (counts only), e.g. "directline-conversations".</summary>
    string Kind { get; }

    /// <summary>
    /// Removes the personal content of at most <see cref="RetentionBatch.Size"/> records in one short write and
    /// returns how many it removed; fewer than the size means nothing is left to do before the cutoff. Must be
    /// idempotent: a record already removed is not counted again.
    /// </summary>
    Task<int> PurgeBatchAsync(RetentionBatch batch, CancellationToken cancellationToken);
}
