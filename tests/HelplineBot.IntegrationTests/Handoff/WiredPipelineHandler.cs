using HelplineBot.Conversations;
using HelplineBot.Handoff;
using HelplineBot.Protocol.Schema;
using HelplineBot.Safety;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// Steps 4-6 of a turn (design.md "One turn") composed from the real pieces, the way the pipeline is meant
/// to call the handoff: safety screen, crisis reply at once, priority handoff, relay, then the dialogs.
/// </summary>
internal sealed class WiredPipelineHandler(SafetyScreen screen, CrisisReplies crisis, HandoffRelay relay, HandoffQueue queue, HelplineConversation dialogs) : ITurnHandler
{
    public static void Register(IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(SafetyScreen))) services.AddSafety();
        services.AddSingleton<HelplineConversation>();
        services.AddSingleton<ITurnHandler, WiredPipelineHandler>();
    }

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var verdict = activity.Type == ActivityTypes.Message ? screen.Screen(activity.Text) : SafetyVerdict.Nothing;
        var screening = VisitorScreening.From(verdict);
        if (verdict.IsCrisis)
        {
            foreach (var reply in crisis.Create(verdict, activity)) await turn.SendAsync(reply, cancellationToken);
        }
        if (await relay.TryRelayFromVisitorAsync(turn, screening, cancellationToken)) return;
        if (verdict.IsCrisis)
        {
            var outcome = await queue.RequestAsync(HandoffTicket.ForCrisis(activity, screening), cancellationToken);
            await turn.SendTextAsync(outcome.VisitorText, cancellationToken);
            return;
        }
        await dialogs.OnTurnAsync(turn, cancellationToken);
    }
}
