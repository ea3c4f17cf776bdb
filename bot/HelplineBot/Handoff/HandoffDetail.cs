namespace HelplineBot.Handoff;

/// <summary>Everything the advisor's chat pane shows about one handoff.</summary>
public sealed record HandoffDetail(HandoffEntry Entry, IReadOnlyList<RelayedMessage> Messages, IReadOnlyList<StoredTransition> Transitions);
