namespace HelplineBot.Safety;

/// <summary>
/// One rule that matched, for the advisor's screen: the rule id, the normalised words it matched and, when the
/// match did not count, why (a negation, an exception of the rule, or a guard id). Shown to advisors, never logged.
/// </summary>
public sealed record SafetyEvidence(string RuleId, SafetyCategory Category, string Matched, string? SetAsideBy = null)
{
    public bool Counts => SetAsideBy is null;

    /// <summary>One line for the advisor's screen, with the person's words.</summary>
    public string ForAdvisor =>
        SetAsideBy is null ? $"{RuleId}: \"{Matched}\"" : $"{RuleId}: \"{Matched}\" (set aside: {SetAsideBy})";

    // Without the person's words, so an evidence item that ends up in a log by mistake leaks nothing.
    public override string ToString() => SetAsideBy is null ? RuleId : $"{RuleId} (set aside: {SetAsideBy})";
}
