using HelplineBot.Channels.Teams;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels;

/// <summary>Picks the sender for an activity's channel: Direct Line in-process, anything else by Connector.</summary>
public sealed class ChannelSenders(IEnumerable<IChannelSender> senders)
{
    private readonly IChannelSender[] _senders = senders.ToArray();

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        TeamsReplies.Adapt(activity); // Teams renders no suggested actions outside personal chats: a card instead
        foreach (var sender in _senders)
        {
            if (sender.CanSend(activity)) return sender.SendAsync(activity, cancellationToken);
        }
        throw new InvalidOperationException($"No sender for channel '{activity.ChannelId}'.");
    }
}
