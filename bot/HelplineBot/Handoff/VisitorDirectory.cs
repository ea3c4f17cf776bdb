using System.Collections.Concurrent;
using HelplineBot.Dialogs.Engine;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Handoff;

/// <summary>
/// The latest address of each recent conversation, noted by <see cref="HandoffRelay"/> for every inbound
/// activity, so a request that only names the conversation (the dialogs' key) can still reach the person
/// on channels that need a serviceUrl, and a crisis request carries the screen's evidence. Bounded; a miss
/// falls back to channel and conversation id only.
/// </summary>
public sealed class VisitorDirectory
{
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<string, VisitorAddress> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VisitorScreening> _screenings = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Remember(Activity inbound, VisitorScreening screening)
    {
        if (inbound.ChannelId is null || inbound.Conversation?.Id is null) return;
        var key = DialogEngine.KeyOf(inbound); // the dialogs' key: per person in Teams group chats
        if (_addresses.TryAdd(key, VisitorAddress.From(inbound))) _order.Enqueue(key);
        else _addresses[key] = VisitorAddress.From(inbound);
        if (screening.IsCrisis) _screenings[key] = screening;
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _addresses.TryRemove(oldest, out _);
            _screenings.TryRemove(oldest, out _);
        }
    }

    /// <summary>The latest crisis screening of the conversation, if any (its evidence is for the advisor's screen).</summary>
    public VisitorScreening? LastCrisis(string conversationKey) => _screenings.GetValueOrDefault(conversationKey);

    /// <summary>The address for a "{channelId}/{conversationId}" key (the dialogs' conversation key).</summary>
    public VisitorAddress? Find(string conversationKey)
    {
        if (_addresses.TryGetValue(conversationKey, out var address)) return address;
        var slash = conversationKey.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < conversationKey.Length - 1
            ? new VisitorAddress(conversationKey[..slash], conversationKey[(slash + 1)..], null, null)
            : null;
    }
}
