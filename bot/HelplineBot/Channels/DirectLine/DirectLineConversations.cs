using System.Collections.Concurrent;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// The Direct Line conversation log: assigns each stored activity the next sequence number (its id and
/// the watermark both come from it), stores it durably, then pushes it to the conversation's open
/// streams in the same order. Typing activities are pushed only, never stored (they are not part of
/// the watermarked log).
/// When storage fails, an activity is still pushed live to open streams (without a watermark), so a
/// person who is connected still gets the bot's answer, above all a crisis reply.
/// </summary>
public sealed class DirectLineConversations(DirectLineStore store, TimeProvider clock, ILogger<DirectLineConversations> logger)
{
    private readonly ConcurrentDictionary<string, ConversationLog> _logs = new(StringComparer.Ordinal);

    public async Task<AppendOutcome> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var log = await GetLogAsync(conversationId, cancellationToken);
        if (log is null) return AppendOutcome.NoConversation;

        if (activity.Type == ActivityTypes.Typing)
        {
            activity.Id ??= $"{conversationId}|typing-{Guid.NewGuid():N}";
            activity.Timestamp = clock.GetUtcNow();
            log.Publish(new ActivityFrame(null, activity));
            return new AppendOutcome(activity, IsDuplicate: false);
        }

        var clientActivityId = ClientActivityId(activity);
        await log.Lock.WaitAsync(cancellationToken);
        try
        {
            var seq = log.LastSeq + 1;
            activity.Id = $"{conversationId}|{seq:D7}";
            activity.Timestamp = clock.GetUtcNow();
            Activity? existing;
            try
            {
                existing = await store.AppendAsync(conversationId, seq, activity, clientActivityId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                DirectLineLog.StoreFailed(logger, ex, conversationId);
                activity.Id = $"{conversationId}|live-{Guid.NewGuid():N}";
                log.Publish(new ActivityFrame(null, activity));
                return new AppendOutcome(activity, IsDuplicate: false, IsStored: false);
            }
            if (existing is not null) return new AppendOutcome(existing, IsDuplicate: true);
            log.LastSeq = seq;
            log.Publish(new ActivityFrame(seq, activity));
            return new AppendOutcome(activity, IsDuplicate: false);
        }
        finally
        {
            log.Lock.Release();
        }
    }

    public Task<IReadOnlyList<(long Seq, Activity Activity)>> ReadAfterAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellationToken) =>
        store.ReadAfterAsync(conversationId, afterSeq, limit, cancellationToken);

    /// <summary>Live frames of a conversation from now on; dispose to stop listening.</summary>
    public async Task<LiveSubscription?> SubscribeAsync(string conversationId, CancellationToken cancellationToken)
    {
        var log = await GetLogAsync(conversationId, cancellationToken);
        return log?.Subscribe();
    }

    /// <summary>True when the conversation exists; answered from memory for conversations in use, so it works while storage is down.</summary>
    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        await GetLogAsync(conversationId, cancellationToken) is not null;

    /// <summary>Drops conversations removed from storage (retention) from memory, so they are not found any more.</summary>
    public void Forget(IEnumerable<string> conversationIds)
    {
        foreach (var id in conversationIds) _logs.TryRemove(id, out _);
    }

    private async Task<ConversationLog?> GetLogAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_logs.TryGetValue(conversationId, out var log)) return log;
        var stored = await store.FindConversationAsync(conversationId, cancellationToken);
        if (stored is null) return null;
        return _logs.GetOrAdd(conversationId, _ => new ConversationLog { LastSeq = stored.LastSeq });
    }

    private static string? ClientActivityId(Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: System.Text.Json.JsonValueKind.Object } data) return null;
        return data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;
    }

    private sealed class ConversationLog
    {
        private readonly object _subscribersLock = new();
        private LiveSubscription[] _subscribers = [];

        public SemaphoreSlim Lock { get; } = new(1, 1);
        public long LastSeq { get; set; }

        public void Publish(ActivityFrame frame)
        {
            foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber.Offer(frame);
        }

        public LiveSubscription Subscribe()
        {
            var subscription = new LiveSubscription(Unsubscribe);
            lock (_subscribersLock) _subscribers = [.. _subscribers, subscription];
            return subscription;
        }

        private void Unsubscribe(LiveSubscription subscription)
        {
            lock (_subscribersLock) _subscribers = _subscribers.Where(s => s != subscription).ToArray();
        }
    }
}

/// <summary>An activity as pushed to streams; <see cref="Seq"/> is null for typing (no watermark).</summary>
public sealed record ActivityFrame(long? Seq, Activity Activity);

public sealed record AppendOutcome(Activity? Activity, bool IsDuplicate, bool IsStored = true)
{
    public static readonly AppendOutcome NoConversation = new(null, false);
}

/// <summary>A stream's view of new frames, in publish order.</summary>
public sealed class LiveSubscription(Action<LiveSubscription> unsubscribe) : IDisposable
{
    private readonly System.Threading.Channels.Channel<ActivityFrame> _frames =
        System.Threading.Channels.Channel.CreateUnbounded<ActivityFrame>(new() { SingleReader = true });

    public System.Threading.Channels.ChannelReader<ActivityFrame> Frames => _frames.Reader;

    internal void Offer(ActivityFrame frame) => _frames.Writer.TryWrite(frame);

    public void Dispose()
    {
        unsubscribe(this);
        _frames.Writer.TryComplete();
    }
}
