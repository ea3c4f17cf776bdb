using System.Collections.Concurrent;

namespace HelplineBot.Turns;

/// <summary>
/// Remembers recent activity ids per channel and conversation so a channel's retry is processed once
/// (A2033 allows de-duplication). Bounded: the oldest ids are forgotten first.
/// </summary>
public sealed class DuplicateFilter(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Returns true the first time a key is seen, false for a repeat.</summary>
    public bool TryRecord(string? channelId, string? conversationId, string? activityId)
    {
        if (string.IsNullOrEmpty(activityId)) return true;
        var key = $"{channelId}\n{conversationId}\n{activityId}";
        if (!_seen.TryAdd(key, 0)) return false;
        _order.Enqueue(key);
        while (_order.Count > capacity && _order.TryDequeue(out var oldest)) _seen.TryRemove(oldest, out _);
        return true;
    }

    /// <summary>Forgets a key whose turn failed before anything was stored, so the channel's retry runs.</summary>
    public void Forget(string? channelId, string? conversationId, string? activityId)
    {
        if (string.IsNullOrEmpty(activityId)) return;
        _seen.TryRemove($"{channelId}\n{conversationId}\n{activityId}", out _);
    }
}
