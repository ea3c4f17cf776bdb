namespace HelplineBot.Safety;

/// <summary>
/// Words of which every match of a pattern contains at least one, as a whole word or (for <c>suicid*</c>) as the
/// start of a word. The screen skips a pattern whose anchor words are all absent from the message, which is most
/// patterns for most messages; a pattern without an anchor (everything optional) always runs.
/// </summary>
internal sealed record PatternAnchor(IReadOnlySet<string> Words, IReadOnlySet<string> Prefixes)
{
    public int Count => Words.Count + Prefixes.Count;

    /// <summary>Any match of either part contains a word of one of the two.</summary>
    public PatternAnchor Union(PatternAnchor other) =>
        new(Words.Union(other.Words).ToHashSet(StringComparer.Ordinal), Prefixes.Union(other.Prefixes).ToHashSet(StringComparer.Ordinal));

    public static PatternAnchor Word(string word) => new(new HashSet<string>([word], StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public static PatternAnchor Prefix(string prefix) => new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>([prefix], StringComparer.Ordinal));
}
