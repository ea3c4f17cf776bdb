using HelplineBot.Handoff;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// Stands in for the real pipeline's steps 4-6 until the safety screen and dialogs are merged: a crude
/// keyword screen, the crisis reply first, then <see cref="HandoffRelay"/>, then a request for a person
/// through <see cref="HandoffQueue"/>, and an echo as "the bot". The handoff code under test is real.
/// </summary>
internal sealed class HandoffTestHandler(HandoffRelay relay, HandoffQueue queue) : ITurnHandler
{
    public const string CrisisReply = "Crisis reply: call or text 988 now.";
    public const string BotPrefix = "Bot heard: ";
    public const string Welcome = "Welcome to the test helpline.";

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
        {
            await turn.SendTextAsync(Welcome, cancellationToken);
            return;
        }
        var text = activity.Type == ActivityTypes.Message ? activity.TextOrEmpty : "";
        var screening = text.Contains("kill myself", StringComparison.OrdinalIgnoreCase)
            ? new VisitorScreening(true, "crisis_suicide", [text])
            : VisitorScreening.None;
        if (screening.IsCrisis) await turn.SendTextAsync(CrisisReply, cancellationToken);

        if (await relay.TryRelayFromVisitorAsync(turn, screening, cancellationToken)) return;

        if (screening.IsCrisis || text.Contains("person", StringComparison.OrdinalIgnoreCase))
        {
            var reason = screening.IsCrisis ? HandoffReason.Crisis : HandoffReason.PersonRequested;
            var context = new HandoffContext { Topics = ["treatment-options"], SafetyEvidence = screening.Evidence, SafetyLabel = screening.Label };
            var outcome = await queue.RequestAsync(new HandoffTicket(VisitorAddress.From(activity), reason, context, screening.Label), cancellationToken);
            await turn.SendTextAsync(outcome.VisitorText, cancellationToken);
            return;
        }
        if (activity.Type == ActivityTypes.Message) await turn.SendTextAsync(BotPrefix + text, cancellationToken);
    }
}
