namespace HelplineBot.Dialogs.Engine;

/// <summary>Why the active dialog must stop before it sees the message.</summary>
public enum InterruptionKind
{
    /// <summary>The safety screen found a crisis: no further questions, a priority handoff.</summary>
    Crisis,
    /// <summary>The person asked for a human.</summary>
    PersonRequested,
}
