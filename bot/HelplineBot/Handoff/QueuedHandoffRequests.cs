using HelplineBot.Dialogs.Seams;

using DialogReason = HelplineBot.Dialogs.Seams.HandoffReason;

namespace HelplineBot.Handoff;

/// <summary>
/// The dialogs' request for a person, answered by the live queue (replaces RecordedHandoffRequests): the
/// conversation is queued with the bot's answers as context, and the person hears their place in line,
/// or honestly that nobody can answer now with the crisis numbers and the call back offer.
/// </summary>
public sealed class QueuedHandoffRequests(HandoffQueue queue, HandoffStore store, VisitorDirectory visitors) : IHandoffRequests
{
    public async Task<HandoffReceipt> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var visitor = visitors.Find(request.ConversationKey)
            ?? throw new ArgumentException("The conversation key does not name a channel and conversation.", nameof(request));
        var reason = request.Reason == DialogReason.Crisis ? HandoffReason.Crisis : HandoffReason.PersonRequested;
        var crisis = reason == HandoffReason.Crisis ? visitors.LastCrisis(request.ConversationKey) : null;
        var context = new HandoffContext
        {
            Topics = request.ActiveDialogId is { } dialog ? [dialog] : [],
            Answers = new Dictionary<string, string>(request.Context, StringComparer.Ordinal),
            SafetyEvidence = crisis?.Evidence ?? [],
            SafetyLabel = crisis?.Label,
        };
        var outcome = await queue.RequestAsync(new HandoffTicket(visitor, reason, context, crisis?.Label), cancellationToken);
        return new HandoffReceipt(outcome.VisitorText);
    }

    public async Task<bool> IsUnderWayAsync(string conversationKey, CancellationToken cancellationToken) =>
        visitors.Find(conversationKey) is { } visitor
        && await store.FindOpenAsync(visitor.ChannelId, visitor.ConversationId, cancellationToken) is not null;
}
