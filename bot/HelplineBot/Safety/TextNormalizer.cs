using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace HelplineBot.Safety;

/// <summary>
/// Turns chat text into the form the rules are written in: lower case, accents folded ("daño" → "dano"),
/// contractions and chat abbreviations expanded ("i'm" → "i am", "kms" → "kill myself"), stretched words
/// repaired ("sooooo", "killin"), bare contractions read from the next word ("ill be" → "i will be"), meaningful emoji named (💊 → "pills"), and punctuation turned into clause
/// breaks. The result is words separated by single spaces, with " . " between clauses and a space at both
/// ends: <c>" i am not suicidal . i want to cut "</c>.
/// </summary>
public sealed class TextNormalizer
{
    /// <summary>Clause break token as it appears in normalised text.</summary>
    public const char ClauseBreak = '.';

    private const int MaxTokenLength = 48;
    private readonly NormalizationData _data;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _expansions;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spellings;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _clauseBreaks;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _contextualContractions;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _contractionVerbs;

    internal TextNormalizer(NormalizationData data)
    {
        _data = data;
        _expansions = data.Expansions.GetAlternateLookup<ReadOnlySpan<char>>();
        _spellings = data.Spellings.GetAlternateLookup<ReadOnlySpan<char>>();
        _vocabulary = data.Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _clauseBreaks = data.ClauseBreaks.GetAlternateLookup<ReadOnlySpan<char>>();
        _contextualContractions = data.ContextualContractions.GetAlternateLookup<ReadOnlySpan<char>>();
        _contractionVerbs = data.ContractionVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal NormalizationData Data => _data;

    /// <summary>The normalised text as a string (tests, evidence, the evaluation's listings).</summary>
    public string Normalize(string text)
    {
        var buffer = new NormalizedBuffer(text.Length);
        try
        {
            Normalize(text, ref buffer);
            return buffer.Written.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Normalises into a pooled buffer: the screen's path, which allocates no strings.</summary>
    internal void Normalize(ReadOnlySpan<char> text, ref NormalizedBuffer output)
    {
        Span<char> token = stackalloc char[MaxTokenLength];
        var tokenLength = 0;
        output.Append(' ');

        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }
            index += consumed;

            if (rune.IsBmp && IsApostrophe((char)rune.Value))
            {
                if (tokenLength > 0 && tokenLength < MaxTokenLength) token[tokenLength++] = '\'';
                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                if (rune.IsBmp) AppendFolded(char.ToLowerInvariant((char)rune.Value), token, ref tokenLength);
                continue;
            }

            FlushToken(token[..tokenLength], ref output);
            tokenLength = 0;

            if (rune.Value is 0xFE0F or 0x200D) continue;
            if (_data.Emoji.TryGetValue(rune.Value, out var words))
            {
                EmitWords(words, ref output);
            }
            else if (IsClausePunctuation(rune.Value))
            {
                EmitBreak(ref output);
            }
            else if (rune.Value == '&' || rune.Value == '+')
            {
                EmitWord("and", ref output);
            }
        }

        FlushToken(token[..tokenLength], ref output);
        output.TrimTrailingBreak();
    }

    private void FlushToken(ReadOnlySpan<char> raw, ref NormalizedBuffer output)
    {
        raw = raw.Trim('\'');
        if (raw.IsEmpty) return;

        if (_expansions.TryGetValue(raw, out var expansion))
        {
            EmitWords(expansion, ref output);
            return;
        }

        if (raw.Length > 2 && raw.EndsWith("'s")) raw = raw[..^2];

        Span<char> word = stackalloc char[MaxTokenLength];
        var length = 0;
        foreach (var c in raw)
        {
            if (c != '\'') word[length++] = c;
        }
        ReadOnlySpan<char> token = word[..length];
        if (token.IsEmpty) return;

        Span<char> repaired = stackalloc char[MaxTokenLength];
        token = RepairRepeatedLetters(token, repaired);

        if (_expansions.TryGetValue(token, out expansion))
        {
            EmitWords(expansion, ref output);
            return;
        }
        if (_spellings.TryGetValue(token, out var spelling))
        {
            EmitWords(spelling, ref output);
            return;
        }

        if (!_vocabulary.Contains(token))
        {
            // "thinkin", "killin": the dropped g of chat, repaired only towards a word the rules use.
            if (token.Length > 3 && token.EndsWith("in") && token.Length < MaxTokenLength)
            {
                Span<char> withG = stackalloc char[token.Length + 1];
                token.CopyTo(withG);
                withG[^1] = 'g';
                if (_vocabulary.Contains(withG))
                {
                    EmitWord(withG, ref output);
                    return;
                }
            }
            if (token.Length >= 6)
            {
                foreach (var candidate in _data.FuzzyWords)
                {
                    if (IsOneEditAway(token, candidate))
                    {
                        EmitWord(candidate, ref output);
                        return;
                    }
                }
            }
        }

        EmitWord(token, ref output);
    }

    private void EmitWords(string words, ref NormalizedBuffer output)
    {
        foreach (var range in words.AsSpan().Split(' '))
        {
            var word = words.AsSpan()[range];
            if (!word.IsEmpty) EmitWord(word, ref output);
        }
    }

    private void EmitWord(ReadOnlySpan<char> word, ref NormalizedBuffer output)
    {
        if (word.Length == 1 && word[0] == ClauseBreak || _clauseBreaks.Contains(word))
        {
            EmitBreak(ref output);
            return;
        }
        // "ill be dead", "hell kill me": the bare form is a contraction only when a verb follows it.
        if (_contractionVerbs.Contains(word) && _contextualContractions.TryGetValue(output.LastWord, out var contraction))
        {
            output.RemoveLastWord();
            EmitWords(contraction, ref output);
        }
        output.Append(word);
        output.Append(' ');
    }

    private static void EmitBreak(ref NormalizedBuffer output)
    {
        if (output.Length <= 1 || output.EndsWithBreak) return;
        output.Append(ClauseBreak);
        output.Append(' ');
    }

    /// <summary>"sooooo" → "so", "killll" → "kill": runs of three or more letters become one or two, whichever the rules know.</summary>
    private ReadOnlySpan<char> RepairRepeatedLetters(ReadOnlySpan<char> token, Span<char> scratch)
    {
        if (!HasRunOfThree(token)) return token;

        var single = Collapse(token, scratch, keep: 1);
        if (_vocabulary.Contains(single) || _expansions.ContainsKey(single)) return single;

        Span<char> doubled = stackalloc char[MaxTokenLength];
        var twice = Collapse(token, doubled, keep: 2);
        if (_vocabulary.Contains(twice) || _expansions.ContainsKey(twice))
        {
            twice.CopyTo(scratch);
            return scratch[..twice.Length];
        }
        return single;
    }

    private static bool HasRunOfThree(ReadOnlySpan<char> token)
    {
        for (var i = 2; i < token.Length; i++)
        {
            if (token[i] == token[i - 1] && token[i] == token[i - 2]) return true;
        }
        return false;
    }

    private static ReadOnlySpan<char> Collapse(ReadOnlySpan<char> token, Span<char> destination, int keep)
    {
        var length = 0;
        var i = 0;
        while (i < token.Length)
        {
            var end = i;
            while (end < token.Length && token[end] == token[i]) end++;
            var run = end - i;
            var kept = run >= 3 ? keep : run;
            for (var k = 0; k < kept; k++) destination[length++] = token[i];
            i = end;
        }
        return destination[..length];
    }

    /// <summary>Optimal string alignment distance of at most one: one letter added, dropped, changed or two swapped.</summary>
    internal static bool IsOneEditAway(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a.SequenceEqual(b)) return false;
        var prefix = a.CommonPrefixLength(b);
        var restA = a[prefix..];
        var restB = b[prefix..];
        if (a.Length == b.Length)
        {
            if (restA[1..].SequenceEqual(restB[1..])) return true;
            return restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]);
        }
        return a.Length > b.Length ? restA[1..].SequenceEqual(restB) : restB[1..].SequenceEqual(restA);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static bool IsClausePunctuation(int c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or '\n' or '\r' or '(' or ')' or '"' or '\u201C' or '\u201D'
            or '\u2026' or '\u2014' or '\u2013' or '|';

    private static void AppendFolded(char c, Span<char> token, ref int length)
    {
        if (c >= 0x80 && FoldTable.TryGetValue(c, out var folded))
        {
            foreach (var f in folded)
            {
                if (length < token.Length) token[length++] = f;
            }
        }
        else if (length < token.Length)
        {
            token[length++] = c;
        }
    }

    // Spanish stays readable without accents ("daño" → "dano", "sí" → "si"); rules are folded the same way.
    private static readonly FrozenDictionary<char, string> FoldTable = BuildFoldTable();

    private static FrozenDictionary<char, string> BuildFoldTable()
    {
        var table = new Dictionary<char, string>();
        void Map(string from, string to)
        {
            foreach (var c in from) table[c] = to;
        }
        Map("àáâãäåāăą", "a");
        Map("çćĉċč", "c");
        Map("ďđð", "d");
        Map("èéêëēĕėęě", "e");
        Map("ĝğġģ", "g");
        Map("ĥħ", "h");
        Map("ìíîïĩīĭįı", "i");
        Map("ĵ", "j");
        Map("ķ", "k");
        Map("ĺļľŀł", "l");
        Map("ñńņňŉ", "n");
        Map("òóôõöøōŏő", "o");
        Map("ŕŗř", "r");
        Map("śŝşš", "s");
        Map("ţťŧ", "t");
        Map("ùúûüũūŭůűų", "u");
        Map("ŵ", "w");
        Map("ýÿŷ", "y");
        Map("źżž", "z");
        Map("ß", "ss");
        Map("æ", "ae");
        Map("œ", "oe");
        Map("þ", "th");
        return table.ToFrozenDictionary();
    }
}
