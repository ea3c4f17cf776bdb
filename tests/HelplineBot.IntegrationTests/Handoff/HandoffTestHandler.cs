using HelplineBot.Handoff;
using HelplineBot.Protocol.Schema;
using HelplineBot.Safety;
using HelplineBot.Turns;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// A small, predictable conversation in place of the dialogs, so the handoff tests assert exact texts:
/// the real safety screen has already run (its verdict is on the turn and its crisis reply sent); then
/// <see cref="HandoffRelay"/>, then a request for a person through <see cref="HandoffQueue"/> on a crisis
/// or when the message says "person", and otherwise an echo as "the bot".
/// </summary>
internal sealed class HandoffTestHandler(HandoffRelay relay, HandoffQueue queue) : ITurnHandler
{
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
        var screening = VisitorScreening.From(turn.Verdict ?? SafetyVerdict.Nothing);

        if (await relay.TryRelayFromVisitorAsync(turn, screening, cancellationToken)) return;

        if (screening.IsCrisis || text.Contains("person", StringComparison.OrdinalIgnoreCase))
        {
            var ticket = screening.IsCrisis
                ? HandoffTicket.ForCrisis(activity, screening)
                : new HandoffTicket(VisitorAddress.From(activity), HandoffReason.PersonRequested, new HandoffContext { Topics = ["treatment-options"] });
            var outcome = await queue.RequestAsync(ticket, cancellationToken);
            await turn.SendTextAsync(outcome.VisitorText, cancellationToken);
            return;
        }
        if (activity.Type == ActivityTypes.Message) await turn.SendTextAsync(BotPrefix + text, cancellationToken);
    }
}
