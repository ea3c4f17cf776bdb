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
/// Every element consumes its trailing space, so a match starts at a word and ends after one.
/// </summary>
internal sealed class PatternCompiler(
    Func<string, string> normalizeWords,
    IReadOnlyDictionary<string, IReadOnlyList<string>> lists,
    IEnumerable<string> negations)
{
    private const int MaxListDepth = 4;
    private readonly string _gap = "(?:(?!(?:" + string.Join('|', negations.Select(Regex.Escape)) + ") )[a-z0-9]+ ){0,3}";

    /// <summary>The literal words the patterns use, normalised: the vocabulary the normaliser repairs towards.</summary>
    public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// One compiled expression per pattern: measured, a rule's patterns joined into one alternation ran a hundred
    /// times slower on long messages (the generated matcher grows too large for the JIT to optimise).
    /// </summary>
    public Regex[] Compile(IEnumerable<string> patterns) => patterns.Select(p =>
    {
        var regex = new Regex(CompilePattern(p), RegexOptions.Compiled | RegexOptions.CultureInvariant);
        if (regex.IsMatch(" ")) throw new FormatException($"pattern \"{p}\" can match an empty message");
        return regex;
    }).ToArray();

    public string CompilePattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new FormatException("empty pattern");
        var reader = new Reader(pattern.Trim());
        var anchoredStart = reader.TryTake("^");
        var body = ParseSequence(ref reader, depth: 0, inGroup: false);
        if (!reader.AtEnd) throw new FormatException($"unexpected '{reader.Peek}' in pattern \"{pattern}\"");
        if (body.Length == 0) throw new FormatException($"pattern \"{pattern}\" has no words");
        return (anchoredStart ? @"(?<=(?:^|\.) )" : "(?<= )") + body;
    }

    private string ParseSequence(ref Reader reader, int depth, bool inGroup)
    {
        var result = new StringBuilder();
        while (true)
        {
            reader.SkipSpaces();
            if (reader.AtEnd || inGroup && reader.Peek is '|' or ')') return result.ToString();
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

            string atom;
            if (reader.TryTake("("))
            {
                var choices = new List<string>();
                do
                {
                    choices.Add(ParseSequence(ref reader, depth, inGroup: true));
                }
                while (reader.TryTake("|"));
                if (!reader.TryTake(")")) throw new FormatException("missing ')'");
                atom = "(?:" + string.Join('|', choices) + ")";
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

            result.Append(reader.TryTake("?") ? "(?:" + atom + ")?" : atom);
        }
    }

    private string CompileList(string name, int depth)
    {
        if (!lists.TryGetValue(name, out var entries)) throw new FormatException($"unknown list {{{name}}}");
        if (depth >= MaxListDepth) throw new FormatException($"list {{{name}}} refers to lists too deeply (a loop?)");
        var choices = entries.Select(entry =>
        {
            var reader = new Reader(entry.Trim());
            var compiled = ParseSequence(ref reader, depth + 1, inGroup: false);
            if (!reader.AtEnd || compiled.Length == 0) throw new FormatException($"bad entry \"{entry}\" in list {{{name}}}");
            return compiled;
        });
        return "(?:" + string.Join('|', choices) + ")";
    }

    private string CompileWord(string word)
    {
        if (word.Length == 0) throw new FormatException("empty word");
        var prefix = word.EndsWith('*');
        var normalized = normalizeWords(prefix ? word[..^1] : word).Trim();
        if (normalized.Length == 0) throw new FormatException($"\"{word}\" has no letters");
        if (normalized.Contains(TextNormalizer.ClauseBreak)) throw new FormatException($"\"{word}\" is a clause break and cannot be matched");
        foreach (var part in normalized.Split(' ')) Words.Add(part);
        var escaped = Regex.Escape(normalized);
        return prefix ? escaped + "[a-z0-9]* " : escaped + " ";
    }

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
