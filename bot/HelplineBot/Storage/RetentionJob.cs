using Microsoft.Extensions.Options;

namespace HelplineBot.Storage;

/// <summary>
/// Private by default (design.md "Security and privacy"): shortly after start and then every hour, removes
/// what people wrote and told us once their conversation has been over for Storage:RetainConversationsFor.
/// Each kind of record is removed in small batches, one short write transaction each with a pause between,
/// so visitors' turns never wait long for the SQLite writer; a round stopped half way (shutdown) leaves every
/// record either whole or removed, and the next round goes on from there. Conversations still open (see
/// <see cref="IOpenConversations"/>) are never touched. Logs counts only.
/// </summary>
public sealed class RetentionJob(
    IEnumerable<IExpiringRecords> records, IEnumerable<IOpenConversations> openConversations, IOptions<StorageOptions> options,
    RetentionSchedule schedule, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(schedule.FirstRunAfter, clock, stoppingToken);
        using var timer = new PeriodicTimer(schedule.Every, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every kind of record, batch after batch, until nothing older than the period is left.</summary>
    public async Task<RetentionRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in records)
        {
            try
            {
                removed[kind.Kind] = await PurgeAsync(kind, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failing kind must not keep the others (or the next round) from running.
                StorageLog.RetentionFailed(logger, ex, kind.Kind);
            }
        }
        var round = new RetentionRound(removed);
        StorageLog.RetentionRoundDone(logger, round.Total, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return round;
    }

    private async Task<int> PurgeAsync(IExpiringRecords kind, CancellationToken cancellationToken)
    {
        // Asked per kind, so a long first clean-up does not work from a list of open conversations hours old.
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in openConversations) open.UnionWith(await source.ListAsync(cancellationToken));

        var now = clock.GetUtcNow();
        var batch = new RetentionBatch(now - options.Value.RetainConversationsFor, open, schedule.BatchSize, now);
        var total = 0;
        var batches = 0;
        while (true)
        {
            var count = await kind.PurgeBatchAsync(batch, cancellationToken);
            total += count;
            batches++;
            if (count < batch.Size) break;
            if (schedule.PauseBetweenBatches > TimeSpan.Zero) await Task.Delay(schedule.PauseBetweenBatches, clock, cancellationToken);
        }
        if (total > 0) StorageLog.RetentionRemoved(logger, kind.Kind, total, batches);
        return total;
    }
}
