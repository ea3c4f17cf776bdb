namespace HelplineBot.Safety;

/// <summary>
/// The safety screen's answer for one message: the category, how sure the rules are (0..1) and the evidence
/// for the advisor's screen. Evidence contains the person's words: show it to advisors, never log it.
/// </summary>
public sealed record SafetyVerdict(SafetyCategory Category, double Confidence, IReadOnlyList<SafetyEvidence> Evidence)
{
    /// <summary>The verdict for a message no rule matched.</summary>
    public static SafetyVerdict Nothing { get; } = new(SafetyCategory.None, SafetyScreen.NothingFoundConfidence, []);

    public bool IsCrisis => Category.IsCrisis();

    public bool IsHumanRequest => Category == SafetyCategory.HumanRequest;

    /// <summary>The wire label, e.g. <c>crisis_suicide</c>; safe to log.</summary>
    public string Label => Category.ToLabel();

    // Label, confidence and rule ids only: never the person's words.
    public override string ToString() =>
        $"{Label} ({Confidence:0.00}) [{string.Join(", ", Evidence.Where(e => e.Counts).Select(e => e.RuleId).Distinct())}]";
}
