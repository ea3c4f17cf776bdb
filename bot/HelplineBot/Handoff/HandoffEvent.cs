namespace HelplineBot.Handoff;

/// <summary>Something happened to a handoff (style.md #13): listeners (console broadcaster, figures) react.</summary>
public sealed record HandoffEvent(HandoffEventKind Kind, HandoffEntry Entry, RelayedMessage? Message = null);

public enum HandoffEventKind
{
    /// <summary>New, re-prioritised, or moved to another state.</summary>
    Changed,
    Message,
    VisitorTyping,

    /// <summary>The safety screen flagged a crisis in a message of this handoff (queued or already with an advisor).</summary>
    CrisisFlagged,
}
