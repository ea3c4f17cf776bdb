using System.Collections.Frozen;

namespace HelplineBot.Safety;

/// <summary>The word lists of <c>normalization.yaml</c>, ready for <see cref="TextNormalizer"/>.</summary>
internal sealed class NormalizationData
{
    /// <summary>Chat abbreviations and contractions: "kms" → "kill myself", "don't" → "do not".</summary>
    public required FrozenDictionary<string, string> Expansions { get; init; }

    /// <summary>Common misspellings of the words the rules need: "myslef" → "myself".</summary>
    public required FrozenDictionary<string, string> Spellings { get; init; }

    /// <summary>Emoji that carry meaning, by code point: 💊 → "pills".</summary>
    public required FrozenDictionary<int, string> Emoji { get; init; }

    /// <summary>Words that start a new clause, so a negation does not reach past them: "but", "pero".</summary>
    public required FrozenSet<string> ClauseBreaks { get; init; }

    /// <summary>Words that cancel a match that follows them closely: "not", "never", "no".</summary>
    public required FrozenSet<string> Negations { get; init; }

    /// <summary>Words that, right after a negation, keep it from cancelling anything: "can't stop", "won't stop".</summary>
    public FrozenSet<string> NegationExceptions { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Words worth correcting when typed with one letter off ("suicdal"); kept short on purpose.</summary>
    public required IReadOnlyList<string> FuzzyWords { get; init; }

    /// <summary>
    /// Contractions typed without the apostrophe whose bare form is also a word ("ill", "hell", "id"): expanded only
    /// when the next word is one of <see cref="ContractionVerbs"/> ("ill be" → "i will be", "feeling ill" stays).
    /// </summary>
    public FrozenDictionary<string, string> ContextualContractions { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The words after which a <see cref="ContextualContractions"/> key is read as the contraction.</summary>
    public FrozenSet<string> ContractionVerbs { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Every word the rules use; repeated letters and dropped g's are repaired only towards these.</summary>
    public FrozenSet<string> Vocabulary { get; init; } = FrozenSet<string>.Empty;
}
