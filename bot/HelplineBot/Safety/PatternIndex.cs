using System.Collections.Frozen;

namespace HelplineBot.Safety;

/// <summary>
/// Which rule patterns can possibly match a message, from the words in it: each pattern is listed under its
/// <see cref="PatternAnchor"/> words, so the screen runs only the patterns whose anchor words the message contains
/// (and those without an anchor). Skipping a pattern never changes a verdict: a pattern without any of its anchor
/// words cannot match.
/// </summary>
internal sealed class PatternIndex
{
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byWord;
    private readonly (string Prefix, int[] Patterns)[] _byPrefix;
    private readonly int[] _always;

    public PatternIndex(IReadOnlyList<SafetyRule> rules)
    {
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var always = new List<int>();
        var index = 0;
        foreach (var rule in rules)
        {
            foreach (var anchor in rule.Anchors)
            {
                if (anchor is null)
                {
                    always.Add(index);
                }
                else
                {
                    foreach (var word in anchor.Words) Add(byWord, word, index);
                    foreach (var prefix in anchor.Prefixes) Add(byPrefix, prefix, index);
                }
                index++;
            }
        }
        Count = index;
        _byWord = byWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _byPrefix = byPrefix.Select(p => (p.Key, p.Value.ToArray())).ToArray();
        _always = always.ToArray();
    }

    /// <summary>The number of rule patterns, numbered in rule order and, within a rule, in pattern order.</summary>
    public int Count { get; }

    /// <summary>Marks in <paramref name="candidates"/> (one flag per pattern) every pattern that may match the normalised text.</summary>
    public void MarkCandidates(ReadOnlySpan<char> normalized, Span<bool> candidates)
    {
        foreach (var i in _always) candidates[i] = true;
        foreach (var range in normalized.Split(' '))
        {
            var word = normalized[range];
            if (word.IsEmpty) continue;
            if (_byWord.TryGetValue(word, out var patterns))
            {
                foreach (var i in patterns) candidates[i] = true;
            }
            foreach (var (prefix, prefixed) in _byPrefix)
            {
                if (!word.StartsWith(prefix, StringComparison.Ordinal)) continue;
                foreach (var i in prefixed) candidates[i] = true;
            }
        }
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int index)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(index);
    }
}
