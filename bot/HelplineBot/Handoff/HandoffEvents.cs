namespace HelplineBot.Handoff;

/// <summary>
/// Publishes handoff events to the listeners. In-process: enough for the embedded single-instance
/// storage; several instances need a ChangeNotifier (PostgreSQL LISTEN/NOTIFY) behind this.
/// </summary>
public sealed class HandoffEvents(IEnumerable<IHandoffListener> listeners, ILogger<HandoffEvents> logger)
{
    private readonly IHandoffListener[] _listeners = listeners.ToArray();

    public async Task PublishAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnHandoffEventAsync(handoffEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HandoffLog.ListenerFailed(logger, ex, handoffEvent.Entry.Id, handoffEvent.Kind.ToString());
            }
        }
    }
}
