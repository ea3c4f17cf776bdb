using System.Collections.Frozen;

namespace HelplineBot.Safety;

/// <summary>The loaded, validated and compiled contents of the safety folder. Load once, share, never mutate.</summary>
public sealed class RuleSet
{
    internal RuleSet(TextNormalizer normalizer, IReadOnlyList<SafetyRule> rules, IReadOnlyList<SafetyGuard> guards, int negationWindow, double minimumConfidence)
    {
        Normalizer = normalizer;
        Rules = rules;
        Guards = guards;
        NegationWindow = negationWindow;
        MinimumConfidence = minimumConfidence;
        Negations = normalizer.Data.Negations.GetAlternateLookup<ReadOnlySpan<char>>();
        NegationExceptions = normalizer.Data.NegationExceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        Index = new PatternIndex(rules);
    }

    public TextNormalizer Normalizer { get; }

    public int RuleCount => Rules.Count;

    public int GuardCount => Guards.Count;

    internal IReadOnlyList<SafetyRule> Rules { get; }

    internal IReadOnlyList<SafetyGuard> Guards { get; }

    /// <summary>Which rule patterns a message's words make worth running.</summary>
    internal PatternIndex Index { get; }

    internal int NegationWindow { get; }

    internal double MinimumConfidence { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Negations { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationExceptions { get; }

    /// <summary>Loads every file of the folder; a broken file throws <see cref="SafetyRulesException"/> naming it.</summary>
    public static RuleSet Load(string folder, int negationWindow = 4, double minimumConfidence = 0.5) =>
        RuleSetLoader.Load(folder, negationWindow, minimumConfidence);
}
