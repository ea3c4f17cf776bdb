using HelplineBot.Handoff;
using Microsoft.Extensions.Options;

namespace HelplineBot.Channels.Teams.Alerts;

/// <summary>
/// Turns handoff events into Teams alerts: a handoff that starts waiting (queued, escalated to crisis, or left
/// as a call back) is queued for posting; one that stops waiting is forgotten. Never posts itself, so the
/// visitor's turn and the queue never wait on Teams.
/// </summary>
public sealed class TeamsAlertListener(TeamsAlertQueue alerts, IOptions<TeamsAlertsOptions> options, TimeProvider clock) : IHandoffListener
{
    public Task OnHandoffEventAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || handoffEvent.Kind != HandoffEventKind.Changed) return Task.CompletedTask;
        var entry = handoffEvent.Entry;
        if (entry.State is HandoffState.Queued or HandoffState.Callback) alerts.OfferFirst(entry, clock.GetUtcNow());
        else alerts.Forget(entry.Id);
        return Task.CompletedTask;
    }
}
