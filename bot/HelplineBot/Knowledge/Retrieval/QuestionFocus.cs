using System.Collections.Frozen;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// Finds the words of a message that carry its question, so that coverage is judged on them and not
/// on the way a visitor frames it. Three rules:
/// <list type="number">
/// <item>In a message of several sentences where some sentences ask (end with "?" or open a clause with
/// a question word) and others do not, the others are <see cref="QuestionRole.Context"/>: a preamble
/// such as "my daughter is 17 and goes to parties." helps ranking but no longer dilutes coverage.</item>
/// <item>A clause that opens with a negation about the writer ("I'm not suicidal", "not looking for help
/// for me") and is followed by more of the message is a <see cref="QuestionRole.Disclaimer"/>: the
/// visitor says what they are not asking about, so those words are dropped.</item>
/// <item>Framing words (knowledge/framing.yaml: "sorry", "honestly", "ppl", "involve", ...) are dropped
/// everywhere: they say how someone asks, not what about.</item>
/// </list>
/// </summary>
internal sealed partial class QuestionFocus
{
    private static readonly FrozenSet<string> QuestionWords = FrozenSet.ToFrozenSet(
    [
        "what", "whats", "wat", "how", "hows", "why", "when", "where", "which", "who", "can", "could", "is", "are",
        "does", "do", "did", "will", "would", "should", "shall", "am", "any", "tell", "explain", "describe", "was", "were",
    ]);

    // Openings of a disclaimer clause, as lower-case tokens (apostrophes already dropped: "i'm" -> "im").
    private static readonly string[][] DisclaimerOpenings =
    [
        ["not"], ["im", "not"], ["i", "am", "not"], ["i", "dont"], ["i", "do", "not"], ["its", "not"], ["it", "is", "not"],
        ["this", "isnt"], ["this", "is", "not"], ["no", "im", "not"],
    ];

    private readonly FrozenSet<string> _framing;

    private QuestionFocus(IEnumerable<string> framing) =>
        _framing = framing.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);

    public static QuestionFocus Default { get; } = new([]);

    public bool IsFraming(string token) => _framing.Contains(token);

    public static QuestionFocus Parse(string yaml, string sourceName)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        FramingFile? file;
        try
        {
            file = deserializer.Deserialize<FramingFile>(yaml);
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            throw new KnowledgeFileException(sourceName, (int)exception.Start.Line, exception.Message);
        }
        var words = file?.Framing ?? [];
        var phrase = words.FirstOrDefault(w => TextAnalyzer.Tokenize(w ?? "").Count != 1);
        if (phrase is not null) throw new KnowledgeFileException(sourceName, 0, $"'{phrase}' is not a single word; framing lists words only");
        return new QuestionFocus(words.OfType<string>());
    }

    /// <summary>The message cut into parts, each with its role, in order.</summary>
    public static List<QuestionPart> Split(string message)
    {
        var sentences = new List<(List<string> Clauses, bool Asks)>();
        foreach (Match sentence in Sentence().Matches(message))
        {
            var text = sentence.Value.Trim();
            if (TextAnalyzer.Tokenize(text).Count == 0) continue;
            var clauses = Clause().Split(text).Where(c => TextAnalyzer.Tokenize(c).Count > 0).ToList();
            var asks = text.EndsWith('?') || clauses.Any(c => OpensWithQuestionWord(TextAnalyzer.Tokenize(c)));
            sentences.Add((clauses, asks));
        }
        var contextual = sentences.Any(s => s.Asks) && sentences.Any(s => !s.Asks);
        var parts = new List<QuestionPart>();
        foreach (var (clauses, asks) in sentences)
        {
            var role = contextual && !asks ? QuestionRole.Context : QuestionRole.Focus;
            parts.AddRange(clauses.Select(c => new QuestionPart(c, role)));
        }
        // A disclaimer needs something after it: "I'm not sleeping" alone is the question itself.
        for (var i = 0; i < parts.Count - 1; i++)
        {
            if (IsDisclaimer(TextAnalyzer.Tokenize(parts[i].Text))) parts[i] = parts[i] with { Role = QuestionRole.Disclaimer };
        }
        return parts;
    }

    // Connectors that may open a clause before its question word: "unrelated but is there ...".
    private static readonly FrozenSet<string> Connectors = FrozenSet.ToFrozenSet(
        ["but", "and", "so", "just", "also", "then", "ok", "okay", "well", "oh", "anyway", "unrelated", "btw"]);

    private static bool OpensWithQuestionWord(List<string> tokens)
    {
        var first = tokens.FindIndex(t => !Connectors.Contains(t));
        return first >= 0 && first < tokens.Count - 1 && QuestionWords.Contains(tokens[first]);
    }

    // "I'm not sure what detox is" is a hedge around the question, not a disclaimer.
    private static bool IsDisclaimer(List<string> tokens) =>
        DisclaimerOpenings.Any(opening => tokens.Count > opening.Length
            && opening.Select((t, i) => tokens[i] == t).All(b => b)
            && tokens[opening.Length] is not ("sure" or "certain"));

    // A sentence: text up to and including . ! ? ; or a line break (a full stop inside a number stays).
    [GeneratedRegex(@"(?:[^.!?;\r\n]|\.(?=\d))+[.!?;]*", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    // Clause boundaries inside a sentence: a comma, colon or dash, or "but" / "just" as a new start.
    [GeneratedRegex(@"[,:\u2013\u2014]|\s-\s|\b(?=(?:but|just)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    private sealed class FramingFile
    {
        public List<string?>? Framing { get; set; }
    }
}
