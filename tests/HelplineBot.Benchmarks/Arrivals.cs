using System.Diagnostics;

namespace HelplineBot.Benchmarks;

/// <summary>
/// Things a client receives (hub events, stream activities) matched against what a measurement waits for.
/// A wait is registered before the action it times, so nothing can arrive unseen in between; it completes
/// with the thing and the <see cref="Stopwatch"/> timestamp taken as it arrived, before any continuation runs.
/// </summary>
internal sealed class Arrivals<T>
{
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<(long At, T Item)> Arrived)> _waiting = [];

    public Task<(long At, T Item)> Expect(Func<T, bool> match)
    {
        var arrived = new TaskCompletionSource<(long At, T Item)>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting) _waiting.Add((match, arrived));
        return arrived.Task;
    }

    public void Offer(T item)
    {
        var at = Stopwatch.GetTimestamp();
        lock (_waiting)
        {
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                if (!_waiting[i].Match(item)) continue;
                _waiting[i].Arrived.TrySetResult((at, item));
                _waiting.RemoveAt(i);
            }
        }
    }

    /// <summary>Drops waits that timed out, so a late arrival does not complete a stale one.</summary>
    public void Forget(Task<(long At, T Item)> wait)
    {
        lock (_waiting) _waiting.RemoveAll(w => w.Arrived.Task == wait);
    }
}
