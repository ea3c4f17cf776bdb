namespace HelplineBot.Handoff;

/// <summary>The outcome of a requested move: done (with the entry after it), or refused because the handoff was not in a state the move may start from.</summary>
public sealed record TransitionResult(bool IsDone, HandoffEntry? Entry)
{
    public static readonly TransitionResult Refused = new(false, null);
}
