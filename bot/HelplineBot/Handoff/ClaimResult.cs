namespace HelplineBot.Handoff;

/// <summary>The outcome of an advisor's accept: won, or someone else was faster (style.md #5).</summary>
public sealed record ClaimResult(bool IsWon, HandoffEntry? Entry)
{
    public static readonly ClaimResult AlreadyTaken = new(false, null);
}
