using System.Threading.Channels;
using HelplineBot.Handoff;
using Microsoft.Extensions.Options;

namespace HelplineBot.Channels.Teams.Alerts;

/// <summary>
/// Alerts waiting to be posted, and which handoffs were already announced (and when), so each waiting
/// person is announced once per reason — again when a request turns into a crisis — and repeated only
/// on schedule. In memory: after a restart a handoff still waiting is announced again by the repeat scan.
/// </summary>
public sealed class TeamsAlertQueue
{
    private readonly Channel<PendingTeamsAlert> _pending;
    private readonly Dictionary<string, Announced> _announced = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TeamsAlertQueue(IOptions<TeamsAlertsOptions> options, ILogger<TeamsAlertQueue> logger)
    {
        // A Teams outage must not grow memory without bound; the newest alerts matter most.
        _pending = Channel.CreateBounded<PendingTeamsAlert>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => TeamsAlertsLog.Dropped(logger, dropped.Entry.Id));
    }

    public ChannelReader<PendingTeamsAlert> Reader => _pending.Reader;

    /// <summary>Queues the first alert for a waiting handoff, or a new one when its reason or priority changed. False when already announced.</summary>
    public bool OfferFirst(HandoffEntry entry, DateTimeOffset now)
    {
        var mark = MarkOf(entry);
        lock (_gate)
        {
            if (_announced.TryGetValue(entry.Id, out var seen) && seen.Mark == mark) return false;
            _announced[entry.Id] = new Announced(mark, now);
        }
        return _pending.Writer.TryWrite(new PendingTeamsAlert(entry, IsRepeat: false));
    }

    /// <summary>Queues a repeat for a handoff still queued when its last alert (or its queueing) is at least <paramref name="repeatAfter"/> old.</summary>
    public bool OfferRepeatIfDue(HandoffEntry entry, DateTimeOffset now, TimeSpan repeatAfter)
    {
        bool announcedBefore;
        lock (_gate)
        {
            announcedBefore = _announced.TryGetValue(entry.Id, out var seen);
            if (now - (seen?.At ?? entry.QueuedAt) < repeatAfter) return false;
            _announced[entry.Id] = new Announced(MarkOf(entry), now);
        }
        return _pending.Writer.TryWrite(new PendingTeamsAlert(entry, IsRepeat: announcedBefore));
    }

    /// <summary>The handoff no longer waits (accepted, ended, abandoned): no more alerts for it.</summary>
    public void Forget(string handoffId)
    {
        lock (_gate) _announced.Remove(handoffId);
    }

    /// <summary>True while the handoff counts as waiting (checked again just before posting, so a late post is skipped).</summary>
    public bool IsWaiting(string handoffId)
    {
        lock (_gate) return _announced.ContainsKey(handoffId);
    }

    /// <summary>Forgets announced handoffs that are not among <paramref name="stillOpen"/> and were last announced before <paramref name="before"/>.</summary>
    public void Prune(IReadOnlySet<string> stillOpen, DateTimeOffset before)
    {
        lock (_gate)
        {
            foreach (var (id, announced) in _announced.ToArray())
            {
                if (!stillOpen.Contains(id) && announced.At < before) _announced.Remove(id);
            }
        }
    }

    private static (int Priority, bool IsCallback) MarkOf(HandoffEntry entry) => (entry.Priority, entry.State == HandoffState.Callback);

    private sealed record Announced((int Priority, bool IsCallback) Mark, DateTimeOffset At);
}

/// <summary>One alert to post: the handoff as it was when the alert was decided.</summary>
public sealed record PendingTeamsAlert(HandoffEntry Entry, bool IsRepeat);
