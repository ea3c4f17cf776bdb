using System.Collections.Concurrent;
using HelplineBot.Handoff;

namespace HelplineBot.IntegrationTests.TeamsAlerts;

/// <summary>A handoff listener in the app under test that lets a test wait until a person's handoff is queued.</summary>
internal sealed class QueuedProbe : IHandoffListener
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HandoffEntry>> _queued = new(StringComparer.Ordinal);

    public Task OnHandoffEventAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        if (handoffEvent.Kind == HandoffEventKind.Changed && handoffEvent.Entry.State == HandoffState.Queued)
            Slot(handoffEvent.Entry.Visitor.ConversationId).TrySetResult(handoffEvent.Entry);
        return Task.CompletedTask;
    }

    public Task<HandoffEntry> WaitForQueuedAsync(string visitorConversationId, TimeSpan timeout) =>
        Slot(visitorConversationId).Task.WaitAsync(timeout);

    private TaskCompletionSource<HandoffEntry> Slot(string conversationId) =>
        _queued.GetOrAdd(conversationId, _ => new TaskCompletionSource<HandoffEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
}
