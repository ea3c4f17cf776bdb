namespace HelplineBot.Handoff;

/// <summary>
/// The one table of allowed moves (style.md #12). Anything not listed is refused with the same result
/// everywhere, so a stale console click or a second accept can never move a handoff backwards.
/// </summary>
public static class HandoffTransitions
{
    private static readonly Dictionary<HandoffState, HandoffState[]> Allowed = new()
    {
        // Accepted by an advisor, the person left, the person asked for a call back, or the bot withdrew it.
        [HandoffState.Queued] = [HandoffState.Assigned, HandoffState.Abandoned, HandoffState.Callback, HandoffState.Ended],
        // The advisor joined the chat, gave it back to the queue, or handed it to a colleague.
        [HandoffState.Assigned] = [HandoffState.Active, HandoffState.Queued, HandoffState.Transferred, HandoffState.Ended, HandoffState.Abandoned],
        [HandoffState.Active] = [HandoffState.Ended, HandoffState.Transferred, HandoffState.Queued, HandoffState.Abandoned],
        // A transfer is waiting for the colleague: they take it (assigned) or it goes back to the queue.
        [HandoffState.Transferred] = [HandoffState.Assigned, HandoffState.Queued, HandoffState.Ended, HandoffState.Abandoned],
        // A call back request is closed once someone called.
        [HandoffState.Callback] = [HandoffState.Ended],
        [HandoffState.Ended] = [],
        [HandoffState.Abandoned] = [],
    };

    public static bool IsAllowed(HandoffState from, HandoffState to) => Allowed[from].Contains(to);

    /// <summary>The states a move into <paramref name="to"/> may start from; used in conditional UPDATEs.</summary>
    public static IReadOnlyList<HandoffState> From(HandoffState to) =>
        Allowed.Where(pair => pair.Value.Contains(to)).Select(pair => pair.Key).ToArray();
}
