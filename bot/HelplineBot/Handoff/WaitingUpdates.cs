using HelplineBot.Hosting;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>
/// Tells every waiting person their place in line (and an honest estimate) at least every
/// <see cref="HandoffOptions.UpdateInterval"/>, so nobody waits in silence (issue 6 §2). Runs on the
/// injected clock, so tests advance time instead of waiting.
/// </summary>
public sealed class WaitingUpdates(
    HandoffStore store, HandoffQueue queue, HandoffMessages messages, AdvisorBroadcaster broadcaster,
    IOptions<HandoffOptions> options, TimeProvider clock, ILogger<WaitingUpdates> logger) : RecurringJob(clock)
{
    protected override TimeSpan Interval => options.Value.UpdateInterval;

    protected override void LogFailedRound(Exception exception) => HandoffLog.WaitingUpdateFailed(logger, exception);

    /// <summary>One round: an update to each person queued for at least one interval.</summary>
    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await broadcaster.BroadcastQueueAsync(cancellationToken);
        // With a channel hub the hub tells people where they stand; we know no position to give.
        if (options.Value.UsesChannelHub) return;
        // Nobody to wait for: the person was told so honestly when they asked; repeating it is noise.
        if (!queue.AdvisorsAvailable()) return;
        var now = Clock.GetUtcNow();
        var queued = (await store.ListOpenAsync(cancellationToken)).Where(e => e.State == HandoffState.Queued).ToList();
        for (var i = 0; i < queued.Count; i++)
        {
            var entry = queued[i];
            if (now - entry.QueuedAt < options.Value.UpdateInterval) continue;
            try
            {
                await queue.TellVisitorAsync(entry, messages.StillWaiting(i + 1, await queue.EstimateAsync(entry, cancellationToken)), null, cancellationToken, messages.WaitingActions());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One unreachable person must not stop the others' updates.
                HandoffLog.DeliveryFailed(logger, ex, entry.Id);
            }
        }
    }
}
