using System.Text;
using System.Text.RegularExpressions;

namespace HelplineBot.Safety;

/// <summary>
/// Compiles the phrase patterns of the rule files (written for clinical staff, see knowledge/safety/README.md)
/// into one regular expression over normalised text:
/// <list type="bullet">
/// <item><c>kill myself</c>: these words in this order; <c>suicid*</c>: any word starting with "suicid".</item>
/// <item><c>(cut|burn|hurt)</c>: one of the choices; a choice may be several words or empty.</item>
/// <item><c>{person}</c>: any entry of the list "person" in lexicon.yaml.</item>
/// <item><c>word?</c>, <c>(a|b)?</c>, <c>{list}?</c>: optional.</item>
/// <item><c>...</c>: up to three other words of the same clause, none of them a negation.</item>
/// <item><c>^</c> / <c>$</c>: at the start / end of a clause.</item>
/// </list>
/// Every element consumes its trailing space, so a match starts at a word and ends after one. Alongside each
/// expression the compiler works out its <see cref="PatternAnchor"/>: words one of which every match contains.
/// </summary>
internal sealed class PatternCompiler(
    Func<string, string> normalizeWords,
    IReadOnlyDictionary<string, IReadOnlyList<string>> lists,
    IEnumerable<string> negations)
{
    private const int MaxListDepth = 4;

    // Words too common to be worth looking for first: an anchor made of them would rarely let the screen skip a pattern.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "i", "a", "an", "the", "my", "to", "and", "is", "am", "are", "of", "it", "me", "you", "he", "she", "they", "in",
        "on", "at", "be", "not", "do", "can", "will", "that", "this", "for", "with", "so", "just", "have", "was", "his",
        "her", "them", "we", "or", "if", "all", "up", "out", "now", "get", "got", "really", "what", "how", "no",
    };

    private readonly string _gap = "(?:(?!(?:" + string.Join('|', negations.Select(Regex.Escape)) + ") )[a-z0-9]+ ){0,3}";

    /// <summary>The literal words the patterns use, normalised: the vocabulary the normaliser repairs towards.</summary>
    public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// One compiled expression per pattern: measured, a rule's patterns joined into one alternation ran a hundred
    /// times slower on long messages (the generated matcher grows too large for the JIT to optimise).
    /// </summary>
    public Regex[] Compile(IEnumerable<string> patterns) => CompileWithAnchors(patterns).Select(c => c.Regex).ToArray();

    /// <summary>Each pattern's expression with its anchor (null when every element is optional).</summary>
    public (Regex Regex, PatternAnchor? Anchor)[] CompileWithAnchors(IEnumerable<string> patterns) => patterns.Select(p =>
    {
        var (expression, anchor) = CompilePatternWithAnchor(p);
        var regex = new Regex(expression, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        if (regex.IsMatch(" ")) throw new FormatException($"pattern \"{p}\" can match an empty message");
        return (regex, anchor);
    }).ToArray();

    public string CompilePattern(string pattern) => CompilePatternWithAnchor(pattern).Expression;

    public (string Expression, PatternAnchor? Anchor) CompilePatternWithAnchor(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new FormatException("empty pattern");
        var reader = new Reader(pattern.Trim());
        var anchoredStart = reader.TryTake("^");
        var body = ParseSequence(ref reader, depth: 0, inGroup: false);
        if (!reader.AtEnd) throw new FormatException($"unexpected '{reader.Peek}' in pattern \"{pattern}\"");
        if (body.Regex.Length == 0) throw new FormatException($"pattern \"{pattern}\" has no words");
        return ((anchoredStart ? @"(?<=(?:^|\.) )" : "(?<= )") + body.Regex, body.Anchor);
    }

    private Part ParseSequence(ref Reader reader, int depth, bool inGroup)
    {
        var result = new StringBuilder();
        PatternAnchor? best = null;
        while (true)
        {
            reader.SkipSpaces();
            if (reader.AtEnd || inGroup && reader.Peek is '|' or ')') return new Part(result.ToString(), best);
            if (reader.TryTake("$"))
            {
                reader.SkipSpaces();
                if (!reader.AtEnd && !(inGroup && reader.Peek is '|' or ')')) throw new FormatException("'$' must come last");
                result.Append(@"(?=\.|$)");
                continue;
            }
            if (reader.TryTake("..."))
            {
                result.Append(_gap);
                continue;
            }

            Part atom;
            if (reader.TryTake("("))
            {
                var choices = new List<Part>();
                do
                {
                    choices.Add(ParseSequence(ref reader, depth, inGroup: true));
                }
                while (reader.TryTake("|"));
                if (!reader.TryTake(")")) throw new FormatException("missing ')'");
                atom = new Part("(?:" + string.Join('|', choices.Select(c => c.Regex)) + ")", UnionOfAll(choices));
            }
            else if (reader.TryTake("{"))
            {
                var name = reader.TakeUntil('}');
                if (!reader.TryTake("}")) throw new FormatException("missing '}'");
                atom = CompileList(name.Trim(), depth);
            }
            else
            {
                atom = CompileWord(reader.TakeWord());
            }

            if (reader.TryTake("?"))
            {
                result.Append("(?:" + atom.Regex + ")?");
                continue;
            }
            result.Append(atom.Regex);
            best = Better(best, atom.Anchor);
        }
    }

    private Part CompileList(string name, int depth)
    {
        if (!lists.TryGetValue(name, out var entries)) throw new FormatException($"unknown list {{{name}}}");
        if (depth >= MaxListDepth) throw new FormatException($"list {{{name}}} refers to lists too deeply (a loop?)");
        var choices = entries.Select(entry =>
        {
            var reader = new Reader(entry.Trim());
            var compiled = ParseSequence(ref reader, depth + 1, inGroup: false);
            if (!reader.AtEnd || compiled.Regex.Length == 0) throw new FormatException($"bad entry \"{entry}\" in list {{{name}}}");
            return compiled;
        }).ToList();
        return new Part("(?:" + string.Join('|', choices.Select(c => c.Regex)) + ")", UnionOfAll(choices));
    }

    private Part CompileWord(string word)
    {
        if (word.Length == 0) throw new FormatException("empty word");
        var prefix = word.EndsWith('*');
        var stem = prefix ? word[..^1] : word;
        // A prefix is kept as written: "suicid*" must not become "suicide*" through the spelling list.
        var normalized = prefix && stem.All(char.IsAsciiLetterOrDigit) ? stem.ToLowerInvariant() : normalizeWords(stem).Trim();
        if (normalized.Length == 0) throw new FormatException($"\"{word}\" has no letters");
        if (normalized.Contains(TextNormalizer.ClauseBreak)) throw new FormatException($"\"{word}\" is a clause break and cannot be matched");
        var parts = normalized.Split(' ');
        foreach (var part in parts) Words.Add(part);
        var escaped = Regex.Escape(normalized);
        // Every word of the literal is in any match; the last one is the prefix for "suicid*".
        var anchor = prefix && parts.Length == 1
            ? PatternAnchor.Prefix(parts[0])
            : PatternAnchor.Word(parts.Take(prefix ? parts.Length - 1 : parts.Length).OrderBy(w => CommonWords.Contains(w)).ThenByDescending(w => w.Length).First());
        return new Part(prefix ? escaped + "[a-z0-9]* " : escaped + " ", anchor);
    }

    /// <summary>A choice is anchored only when every alternative is (an empty alternative matches anything).</summary>
    private static PatternAnchor? UnionOfAll(List<Part> choices) =>
        choices.All(c => c.Anchor is not null) ? choices.Select(c => c.Anchor!).Aggregate((a, b) => a.Union(b)) : null;

    /// <summary>Of two required elements, the one whose words are rarer: no common words, then fewer words.</summary>
    private static PatternAnchor? Better(PatternAnchor? current, PatternAnchor? candidate)
    {
        if (candidate is null) return current;
        if (current is null) return candidate;
        var currentCommon = current.Words.Any(CommonWords.Contains);
        var candidateCommon = candidate.Words.Any(CommonWords.Contains);
        if (currentCommon != candidateCommon) return currentCommon ? candidate : current;
        return candidate.Count < current.Count ? candidate : current;
    }

    private readonly record struct Part(string Regex, PatternAnchor? Anchor);

    private ref struct Reader(string text)
    {
        private int _position;

        public readonly bool AtEnd => _position >= text.Length;
        public readonly char Peek => text[_position];

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(Peek)) _position++;
        }

        public bool TryTake(string token)
        {
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0) return false;
            _position += token.Length;
            return true;
        }

        public string TakeUntil(char end)
        {
            var start = _position;
            while (!AtEnd && Peek != end) _position++;
            return text[start.._position];
        }

        public string TakeWord()
        {
            var start = _position;
            while (!AtEnd && !char.IsWhiteSpace(Peek) && Peek is not ('(' or ')' or '|' or '{' or '}' or '?'))
            {
                _position++;
            }
            return text[start.._position];
        }
    }
}
