using Microsoft.AspNetCore.SignalR;

namespace HelplineBot.Handoff;

/// <summary>
/// Listens to handoff events and pushes them to the consoles: the queue to every advisor, a crisis
/// alert to every advisor (or, in a chat already held, to its advisor and supervisors), a chat's messages and typing only to the advisor who holds it and to supervisors.
/// </summary>
public sealed class AdvisorBroadcaster(IHubContext<AdvisorHub, IAdvisorClient> hub, HandoffStore store) : IHandoffListener
{
    public const string AdvisorsGroup = "advisors";
    public const string SupervisorsGroup = "supervisors";

    public async Task OnHandoffEventAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        var entry = handoffEvent.Entry;
        switch (handoffEvent.Kind)
        {
            case HandoffEventKind.Changed:
                if (entry is { State: HandoffState.Queued, IsCrisis: true }) await hub.Clients.Group(AdvisorsGroup).CrisisAlert(entry);
                // The team was alerted to this person: the alert must not just vanish as if someone had taken them.
                if (entry is { State: HandoffState.Abandoned, IsCrisis: true, AdvisorId: null }) await hub.Clients.Group(AdvisorsGroup).CrisisAlert(entry);
                await BroadcastQueueAsync(cancellationToken);
                break;
            case HandoffEventKind.Message:
                await Watchers(entry).Message(entry.Id, handoffEvent.Message!);
                break;
            case HandoffEventKind.CrisisFlagged when entry.State != HandoffState.Queued:
                // With an advisor already: the alert goes to them (and supervisors), not to the whole team.
                await Watchers(entry).CrisisAlert(entry);
                break;
            case HandoffEventKind.VisitorTyping:
                await Watchers(entry).VisitorTyping(entry.Id);
                break;
        }
    }

    public async Task BroadcastQueueAsync(CancellationToken cancellationToken) =>
        await hub.Clients.Group(AdvisorsGroup).QueueChanged(await store.ListOpenAsync(cancellationToken));

    public Task BroadcastSeemGoneAsync(IReadOnlyList<string> handoffIds, CancellationToken cancellationToken) =>
        hub.Clients.Group(AdvisorsGroup).VisitorsSeemGone(handoffIds);

    private IAdvisorClient Watchers(HandoffEntry entry) =>
        entry.AdvisorId is { } advisor
            ? hub.Clients.Groups(SupervisorsGroup, UserGroup(advisor))
            : hub.Clients.Group(AdvisorsGroup);

    /// <summary>Each advisor's connections join their own group, so a message reaches all their tabs.</summary>
    public static string UserGroup(string advisorId) => $"advisor:{advisorId}";
}
