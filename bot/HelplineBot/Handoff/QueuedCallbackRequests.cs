using HelplineBot.Storage;

namespace HelplineBot.Handoff;

/// <summary>
/// The dialogs' callback flow stores its request (name, number, good time, consent); this also puts the
/// conversation in the advisors' queue in the <c>callback</c> state, so the console and the supervisor
/// view list it with the other call backs instead of it living only in the dialogs' table. A person who
/// was already waiting for a chat moves to callback.
/// </summary>
public sealed class QueuedCallbackRequests(
    IAdvisorRequestStore inner, HandoffStore store, HandoffEvents events, VisitorDirectory visitors, TimeProvider clock) : IAdvisorRequestStore
{
    public async Task<bool> AddCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        if (!await inner.AddCallbackAsync(request, cancellationToken)) return false;
        if (visitors.Find(request.ConversationKey) is not { } visitor) return true;

        var now = clock.GetUtcNow();
        var context = new HandoffContext
        {
            Answers = new Dictionary<string, string>(request.Context, StringComparer.Ordinal),
            Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name,
        };
        var (entry, _) = await store.EnqueueAsync(visitor, HandoffReason.Callback, null, context, Actor.Visitor, now, cancellationToken);
        var moved = await store.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Callback, Actor.Visitor) { CallbackPhone = request.PhoneE164 }, now, cancellationToken);
        if (moved.IsDone) await events.PublishAsync(new HandoffEvent(HandoffEventKind.Changed, moved.Entry!), cancellationToken);
        return true;
    }

    public Task<bool> AddAdvisorRequestAsync(AdvisorRequest request, CancellationToken cancellationToken) =>
        inner.AddAdvisorRequestAsync(request, cancellationToken);

    public Task<bool> HasOpenAdvisorRequestAsync(string conversationKey, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.HasOpenAdvisorRequestAsync(conversationKey, since, cancellationToken);

    public Task RecordFeedbackAsync(string conversationKey, string activityId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.RecordFeedbackAsync(conversationKey, activityId, helpful, at, cancellationToken);

    public Task<IReadOnlyList<CallbackRequest>> ListOpenCallbacksAsync(CancellationToken cancellationToken) =>
        inner.ListOpenCallbacksAsync(cancellationToken);
}
