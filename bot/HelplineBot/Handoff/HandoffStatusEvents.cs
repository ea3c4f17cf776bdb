using System.Text.Json;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>
/// Acts on the channel hub's handoff.status events (protocol.md §7): accepted → the hub's agent has the
/// person (the bot stays quiet); completed → the bot resumes and says so; failed or timed out → our own
/// queue takes the person, honestly told. Events from channels not listed in HubChannels are ignored.
/// </summary>
public sealed class HandoffStatusEvents(HandoffStore store, HandoffQueue queue, HandoffMessages messages, IOptions<HandoffOptions> options, TimeProvider clock)
{
    public const string HubAgentId = "channel-hub";

    /// <summary>True when the activity was a trusted handoff.status (handled, even if it changed nothing).</summary>
    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type != ActivityTypes.Event || activity.Name != ChannelHubHandoff.StatusName) return false;
        if (!options.Value.UsesChannelHub || !options.Value.HubChannels.Contains(activity.ChannelId ?? "", StringComparer.OrdinalIgnoreCase)) return false;
        if (activity.Conversation?.Id is not { } conversationId) return true;
        var entry = await store.FindOpenAsync(activity.ChannelId!, conversationId, cancellationToken);
        if (entry is null) return true;

        var hub = new AdvisorIdentity(HubAgentId, "Advisor", false);
        switch (State(activity.Value))
        {
            case "accepted" when entry.State == HandoffState.Queued:
                if ((await store.ClaimAsync(entry.Id, HubAgentId, hub.DisplayName, clock.GetUtcNow(), cancellationToken)).IsWon)
                    await store.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Active, Actor.Advisor(HubAgentId)), clock.GetUtcNow(), cancellationToken);
                break;
            case "completed" or "endOfConversation" or "transferBack":
                if ((await store.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Ended, Actor.Advisor(HubAgentId)), clock.GetUtcNow(), cancellationToken)).IsDone)
                    await turn.SendTextAsync(messages.AdvisorLeft(messages.UnnamedAdvisor), cancellationToken);
                break;
            case "failed" or "timedOut":
                // The hub could not take the person: our own advisors' queue does, and the person hears the truth.
                if (entry.State != HandoffState.Queued)
                    await store.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Queued, Actor.Advisor(HubAgentId)), clock.GetUtcNow(), cancellationToken);
                var requeued = await store.GetAsync(entry.Id, cancellationToken);
                await turn.SendTextAsync(
                    queue.AdvisorsAvailable() && requeued is not null
                        ? messages.Connecting(await queue.PositionAsync(requeued, cancellationToken), await queue.EstimateAsync(requeued, cancellationToken))
                        : queue.NoAdvisorText(),
                    cancellationToken);
                break;
        }
        return true;
    }

    private static string? State(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString() : null;
}
