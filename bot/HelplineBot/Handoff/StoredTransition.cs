namespace HelplineBot.Handoff;

/// <summary>One stored move of a handoff, with its time and actor ("bot", "visitor", "system", "advisor:{id}").</summary>
public sealed record StoredTransition(HandoffState? From, HandoffState To, string Actor, DateTimeOffset At);
