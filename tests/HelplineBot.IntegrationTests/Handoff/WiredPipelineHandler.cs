using HelplineBot.Conversations;
using HelplineBot.Handoff;
using HelplineBot.Safety;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// The handler step of a turn composed from the real pieces, the way the pipeline is meant to call the
/// handoff: the safety screen has run before the gate (verdict on the turn, crisis reply sent); then the
/// priority handoff on a crisis, the relay, and the dialogs for everything the relay does not take.
/// </summary>
internal sealed class WiredPipelineHandler(HandoffRelay relay, HandoffQueue queue, HelplineConversation dialogs) : ITurnHandler
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<HelplineConversation>();
        services.AddSingleton<ITurnHandler, WiredPipelineHandler>();
    }

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var screening = VisitorScreening.From(turn.Verdict ?? SafetyVerdict.Nothing);
        if (await relay.TryRelayFromVisitorAsync(turn, screening, cancellationToken)) return;
        if (screening.IsCrisis)
        {
            var outcome = await queue.RequestAsync(HandoffTicket.ForCrisis(turn.Activity, screening), cancellationToken);
            await turn.SendTextAsync(outcome.VisitorText, cancellationToken);
            return;
        }
        await dialogs.OnTurnAsync(turn, cancellationToken);
    }
}
