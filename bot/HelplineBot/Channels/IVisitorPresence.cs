namespace HelplineBot.Channels;

/// <summary>
/// Signs that the person is still at their end of a conversation, from channels that give any (the built-in
/// Direct Line: an open stream, recent requests). The seam a shared store can implement when several
/// instances serve one helpline; today each instance knows only the clients connected to it.
/// </summary>
public interface IVisitorPresence
{
    /// <summary>The person's client made an authorised request for the conversation.</summary>
    void Seen(string channelId, string conversationId);

    /// <summary>The person's client holds a live connection (a stream) until the returned handle is disposed.</summary>
    IDisposable Connect(string channelId, string conversationId);

    /// <summary>What is known now; null when the channel gives no signal for this conversation, so silence there means nothing.</summary>
    ValueTask<PresenceSignal?> CheckAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
