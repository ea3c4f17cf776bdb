using System.Collections.Concurrent;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// Presence on the built-in Direct Line, in this instance's memory: an open stream means the person is there;
/// otherwise the last authorised request (post, get, reconnect) or stream close is the last sign of them.
/// A conversation of ours with no sign since this instance started counts from the start, so a restart gives
/// everyone a full grace period to reconnect. Known gap: with several instances, a person streaming from
/// another instance looks gone here; a shared store behind <see cref="IVisitorPresence"/> closes it.
/// </summary>
public sealed class DirectLinePresence(DirectLineConversations conversations, TimeProvider clock) : IVisitorPresence
{
    // Longer than the longest Handoff:AbandonAfter (1 hour): forgetting a mark then changes no decision,
    // because the fallback (this instance's start) is older still.
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(2);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _since = clock.GetUtcNow();
    private long _nextPruneTicks;

    public void Seen(string channelId, string conversationId)
    {
        if (!IsOurs(channelId)) return;
        Update(conversationId, static (mark, now) => mark.Touch(now));
    }

    public IDisposable Connect(string channelId, string conversationId)
    {
        if (!IsOurs(channelId)) return NoConnection.Instance;
        var mark = Update(conversationId, static (mark, now) => mark.Open(now));
        return new Connection(mark, clock);
    }

    public async ValueTask<PresenceSignal?> CheckAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (!IsOurs(channelId)) return null;
        if (_marks.TryGetValue(conversationId, out var mark)) return mark.Signal();
        // Not one of ours (Azure's own Direct Line shares the channel id): no signal at all.
        return await conversations.ExistsAsync(conversationId, cancellationToken) ? new PresenceSignal(false, _since) : null;
    }

    private static bool IsOurs(string channelId) => channelId == ChannelIds.DirectLine;

    private Mark Update(string conversationId, Func<Mark, DateTimeOffset, bool> change)
    {
        var now = clock.GetUtcNow();
        PruneIfLarge(now);
        while (true)
        {
            var mark = _marks.GetOrAdd(conversationId, static (_, at) => new Mark(at), now);
            // A mark retired by the pruning in between is out of the dictionary: take a fresh one.
            if (change(mark, now)) return mark;
        }
    }

    private void PruneIfLarge(DateTimeOffset now)
    {
        if (_marks.Count <= PruneAbove || now.UtcTicks < Interlocked.Read(ref _nextPruneTicks)) return;
        Interlocked.Exchange(ref _nextPruneTicks, (now + TimeSpan.FromMinutes(1)).UtcTicks);
        foreach (var (id, mark) in _marks)
        {
            if (mark.TryRetire(now - ForgetAfter)) _marks.TryRemove(new KeyValuePair<string, Mark>(id, mark));
        }
    }

    private sealed class Mark(DateTimeOffset at)
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _lastSeen = at;
        private int _streams;
        private bool _retired;

        public bool Touch(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_retired) return false;
                if (now > _lastSeen) _lastSeen = now;
                return true;
            }
        }

        public bool Open(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_retired) return false;
                _streams++;
                if (now > _lastSeen) _lastSeen = now;
                return true;
            }
        }

        public void Close(DateTimeOffset now)
        {
            lock (_gate)
            {
                _streams--;
                if (now > _lastSeen) _lastSeen = now;
            }
        }

        public PresenceSignal Signal()
        {
            lock (_gate) return new PresenceSignal(_streams > 0, _lastSeen);
        }

        public bool TryRetire(DateTimeOffset seenBefore)
        {
            lock (_gate)
            {
                if (_streams > 0 || _lastSeen >= seenBefore) return false;
                _retired = true;
                return true;
            }
        }
    }

    private sealed class Connection(Mark mark, TimeProvider clock) : IDisposable
    {
        private int _disposed;

        // The moment the stream closes is the last sign of the person.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) mark.Close(clock.GetUtcNow());
        }
    }

    private sealed class NoConnection : IDisposable
    {
        public static readonly NoConnection Instance = new();

        public void Dispose()
        {
        }
    }
}
