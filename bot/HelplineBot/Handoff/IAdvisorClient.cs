namespace HelplineBot.Handoff;

/// <summary>What the server pushes to advisor consoles (style.md #14: a misspelt method is a compile error).</summary>
public interface IAdvisorClient
{
    /// <summary>The open handoffs in service order (crisis first, then longest wait).</summary>
    Task QueueChanged(IReadOnlyList<HandoffEntry> open);

    /// <summary>A crisis is waiting: the console shows and sounds the alert.</summary>
    Task CrisisAlert(HandoffEntry entry);

    Task Message(string handoffId, RelayedMessage message);

    Task VisitorTyping(string handoffId);

    /// <summary>
    /// The chats with an advisor whose person seems to have left (no sign of them for Handoff:AbandonAfter). Sent
    /// every check round, so a console that reconnects catches up; an id missing from it means the person is back.
    /// </summary>
    Task VisitorsSeemGone(IReadOnlyList<string> handoffIds);

    Task PresenceChanged(IReadOnlyList<AdvisorStatus> advisors);
}
