namespace HelplineBot.Handoff;

/// <summary>
/// The safety screen's verdict on a visitor's message, as the handoff needs it (the pipeline maps
/// SafetyVerdict to this). Evidence is the person's words: for the advisor's screen, never logs.
/// </summary>
public sealed record VisitorScreening(bool IsCrisis, string? Label, IReadOnlyList<string> Evidence)
{
    public static readonly VisitorScreening None = new(false, null, []);
}
