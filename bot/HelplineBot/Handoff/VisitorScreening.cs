using HelplineBot.Safety;

namespace HelplineBot.Handoff;

/// <summary>
/// The safety screen's verdict on a visitor's message, as the handoff needs it. Evidence is the person's
/// words: for the advisor's screen, never logs.
/// </summary>
public sealed record VisitorScreening(bool IsCrisis, string? Label, IReadOnlyList<string> Evidence)
{
    public static readonly VisitorScreening None = new(false, null, []);

    /// <summary>From the safety screen's verdict: only evidence that counted (not negated or set aside).</summary>
    public static VisitorScreening From(SafetyVerdict verdict) =>
        verdict.Category == SafetyCategory.None
            ? None
            : new(verdict.IsCrisis, verdict.Label, [.. verdict.Evidence.Where(e => e.Counts).Select(e => e.ForAdvisor)]);
}
