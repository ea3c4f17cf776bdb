using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// Visitors' words and slang read as the knowledge files' words (knowledge/synonyms.yaml). A phrase
/// written with capitals ("NA") matches only in capitals; longer phrases win over shorter ones.
/// </summary>
internal sealed class Synonyms
{
    private readonly Dictionary<string, List<Entry>> _byFirstToken = new(StringComparer.Ordinal);

    private Synonyms(IEnumerable<(string Phrase, string Means)> pairs)
    {
        foreach (var (phrase, means) in pairs)
        {
            var caseSensitive = phrase.Any(char.IsUpper);
            var tokens = TextAnalyzer.Tokenize(phrase, keepCase: caseSensitive);
            if (tokens.Count == 0) continue;
            var entry = new Entry(tokens, caseSensitive, TextAnalyzer.Tokenize(means));
            var key = tokens[0].ToLowerInvariant();
            if (!_byFirstToken.TryGetValue(key, out var list)) _byFirstToken[key] = list = [];
            list.Add(entry);
        }
        foreach (var list in _byFirstToken.Values) list.Sort((a, b) => b.Tokens.Count.CompareTo(a.Tokens.Count));
    }

    public static Synonyms Empty { get; } = new([]);

    /// <summary>Single lower-case words that have a synonym, for typo correction.</summary>
    public IEnumerable<string> SingleWords =>
        _byFirstToken.Values.SelectMany(list => list).Where(e => e.Tokens.Count == 1 && !e.CaseSensitive).Select(e => e.Tokens[0]);

    public static Synonyms Parse(string yaml, string sourceName)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        SynonymFile? file;
        try
        {
            file = deserializer.Deserialize<SynonymFile?>(yaml);
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            throw new KnowledgeFileException(sourceName, (int)exception.Start.Line, "is not valid YAML: " + exception.Message);
        }
        var pairs = new List<(string, string)>();
        foreach (var (entry, index) in (file?.Synonyms ?? []).Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(entry.Means) || entry.Words is not { Count: > 0 })
            {
                throw new KnowledgeFileException(sourceName, 0, $"entry {index + 1} needs both 'means' and 'words'");
            }
            pairs.AddRange(entry.Words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => (w, entry.Means)));
        }
        return new Synonyms(pairs);
    }

    /// <summary>The lower-case tokens of a question with every known phrase replaced by what it means.</summary>
    public List<string> Expand(string text) => ExpandWeighted(text).Select(t => t.Token).ToList();

    /// <summary>
    /// As <see cref="Expand"/>, with each token's weight: 1 for the visitor's words; a phrase of n words
    /// replaced by m content words gives each of them min(1, n/m).
    /// </summary>
    public List<(string Token, double Weight)> ExpandWeighted(string text)
    {
        var lower = TextAnalyzer.Tokenize(text);
        var cased = TextAnalyzer.Tokenize(text, keepCase: true);
        var result = new List<(string, double)>(lower.Count + 4);
        var i = 0;
        while (i < lower.Count)
        {
            var match = _byFirstToken.TryGetValue(lower[i], out var candidates)
                ? candidates.FirstOrDefault(c => Matches(c, lower, cased, i))
                : null;
            if (match is null)
            {
                result.Add((lower[i], 1.0));
                i++;
                continue;
            }
            var weight = Math.Min(1.0, (double)match.Tokens.Count / Math.Max(1, match.Means.Count(t => !TextAnalyzer.IsStopWord(t))));
            // a word that is itself among the words it means ("games" -> "outdoor activities games") keeps its full weight
            var own = match.Tokens.Select(t => PorterStemmer.Stem(t.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
            result.AddRange(match.Means.Select(token => (token, own.Contains(PorterStemmer.Stem(token)) ? 1.0 : weight)));
            i += match.Tokens.Count;
        }
        return result;
    }

    /// <summary>What a single lower-case word means, if it has a synonym.</summary>
    public IReadOnlyList<string>? Meaning(string word) =>
        _byFirstToken.TryGetValue(word, out var list) && list.FirstOrDefault(e => e.Tokens.Count == 1 && !e.CaseSensitive) is { } entry
            ? entry.Means
            : null;

    private static bool Matches(Entry entry, List<string> lower, List<string> cased, int start)
    {
        if (start + entry.Tokens.Count > lower.Count) return false;
        var source = entry.CaseSensitive ? cased : lower;
        for (var j = 0; j < entry.Tokens.Count; j++)
        {
            if (!string.Equals(source[start + j], entry.Tokens[j], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private sealed record Entry(List<string> Tokens, bool CaseSensitive, List<string> Means);

    private sealed class SynonymFile
    {
        public List<SynonymEntry>? Synonyms { get; set; }
    }

    private sealed class SynonymEntry
    {
        public string? Means { get; set; }
        public List<string>? Words { get; set; }
    }
}
