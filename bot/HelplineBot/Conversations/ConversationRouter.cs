using HelplineBot.Handoff;
using HelplineBot.Safety;
using HelplineBot.Turns;

namespace HelplineBot.Conversations;

/// <summary>
/// Step 4 of a turn (design.md "Route"): a conversation that is queued or with an advisor goes to the
/// handoff relay (the advisor sees the message live, flagged by the safety verdict); everything else goes
/// to the helpline's conversation (dialogs, knowledge), where a crisis or a request for a person starts
/// the handoff. If the dialogs fail on a crisis (their storage is down), the priority handoff is queued
/// directly, so the person is still put at the head of the advisors' queue.
/// </summary>
public sealed class ConversationRouter(
    HandoffRelay relay,
    HandoffQueue queue,
    HelplineConversation conversation,
    ILogger<ConversationRouter> logger) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var screening = VisitorScreening.From(turn.Verdict ?? SafetyVerdict.Nothing);
        if (await relay.TryRelayFromVisitorAsync(turn, screening, cancellationToken)) return;
        try
        {
            await conversation.OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (screening.IsCrisis && ex is not OperationCanceledException)
        {
            TurnsLog.CrisisHandoffFallback(logger, ex, turn.Activity.ChannelId, turn.Activity.Conversation?.Id);
            var outcome = await queue.RequestAsync(HandoffTicket.ForCrisis(turn.Activity, screening), cancellationToken);
            await turn.SendTextAsync(outcome.VisitorText, cancellationToken);
        }
    }
}
