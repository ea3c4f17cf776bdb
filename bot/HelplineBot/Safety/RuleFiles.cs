namespace HelplineBot.Safety;

// The shapes of the YAML files in knowledge/safety/ (keys are camelCase). Unknown keys are errors, so a
// misspelt key ("counterexamples") is reported instead of silently ignored.

internal sealed class NormalizationFile
{
    public Dictionary<string, string>? Expansions { get; set; }
    public Dictionary<string, string>? Spellings { get; set; }
    public Dictionary<string, string>? Emoji { get; set; }
    public List<string>? ClauseBreaks { get; set; }
    public List<string>? Negations { get; set; }
    public List<string>? NegationExceptions { get; set; }
    public List<string>? FuzzyWords { get; set; }
    public Dictionary<string, string>? ContextualContractions { get; set; }
    public List<string>? ContractionVerbs { get; set; }
}

internal sealed class LexiconFile
{
    public Dictionary<string, List<string>>? Lists { get; set; }
}

internal sealed class RuleFile
{
    public List<RuleEntry>? Rules { get; set; }
    public List<GuardEntry>? Guards { get; set; }
}

internal sealed class RuleEntry
{
    public string? Id { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }
    public double? Confidence { get; set; }
    public List<string>? Patterns { get; set; }
    public List<string>? Unless { get; set; }
    public List<string>? Examples { get; set; }
    public List<string>? CounterExamples { get; set; }
}

internal sealed class GuardEntry
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    public string? Scope { get; set; }
    public List<string>? AppliesTo { get; set; }
    public List<string>? KeepWhen { get; set; }
    public List<string>? Patterns { get; set; }
    public List<string>? Examples { get; set; }
    public List<string>? CounterExamples { get; set; }
}
