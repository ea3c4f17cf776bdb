using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels;

/// <summary>
/// The one seam for "deliver this activity to the person": replies within a turn and proactive
/// messages (an advisor's words, a queue update) both leave through it.
/// </summary>
public interface IChannelSender
{
    /// <summary>True when this sender delivers to the activity's channel.</summary>
    bool CanSend(Activity activity);

    /// <summary>Delivers the activity and returns the id the channel gave it.</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);
}
