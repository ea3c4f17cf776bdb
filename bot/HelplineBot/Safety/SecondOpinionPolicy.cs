namespace HelplineBot.Safety;

/// <summary>
/// How the model's label combines with the rules' verdict: only a raise from a non-crisis verdict to a crisis
/// counts. The model cannot lower a crisis, clear a request for a person, or invent one (requests for a person
/// start a handoff, and the rules recognise them well: see docs/evaluation.md).
/// </summary>
internal static class SecondOpinionPolicy
{
    /// <summary>The confidence of a verdict the model raised: above the rules' threshold, below a strong rule match.</summary>
    public const double RaisedConfidence = 0.6;

    public const string RuleId = "second-opinion";

    public static SafetyVerdict Apply(SafetyVerdict rules, SafetyCategory? model, string? quote)
    {
        if (rules.IsCrisis || model is not { } category || !category.IsCrisis()) return rules;
        var evidence = new SafetyEvidence(RuleId, category, quote ?? "(the whole message)");
        return new SafetyVerdict(category, RaisedConfidence, [evidence, .. rules.Evidence]);
    }
}
