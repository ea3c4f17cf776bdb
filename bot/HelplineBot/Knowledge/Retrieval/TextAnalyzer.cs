using System.Collections.Frozen;
using System.Text;

namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// Turns text into index terms: lower-case word tokens (apostrophes dropped, so "what's" is "whats"),
/// stop words and chat fillers removed, Porter stems. The same analysis runs on sections and questions.
/// </summary>
internal static class TextAnalyzer
{
    // Common English function words plus chat spellings ("u", "ur", "pls"); none of them says what a
    // question is about, so they must neither match a section nor count against its coverage.
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "anyone", "are", "arent",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "cant", "cannot", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down",
        "during", "each", "else", "even", "ever", "every", "few", "for", "from", "further", "get", "gets",
        "getting", "got", "had", "hadnt", "has", "hasnt", "have", "havent", "having", "he", "hed", "hes", "her",
        "here", "hers", "herself", "hey", "hi", "him", "himself", "his", "how", "hows", "i", "id", "if", "ill",
        "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "just", "know", "let", "lets", "like",
        "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off",
        "ok", "okay", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "please", "pls", "plz", "r", "really", "same", "shall", "she", "shes", "should", "shouldnt", "so",
        "some", "someone", "something", "such", "tell", "than", "thanks", "that", "thats", "the", "their",
        "theirs", "them", "themselves", "then", "there", "theres", "these", "they", "theyre", "thing", "things",
        "this", "those", "through", "to", "too", "u", "under", "until", "up", "ur", "us", "very", "want",
        "was", "wasnt", "we", "were", "werent", "what", "whats", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "wont", "would", "wouldnt", "ya", "yes", "you", "youd", "youll",
        "your", "youre", "yours", "yourself", "yourselves", "ive", "wanna", "gonna", "gotta", "kinda",
        // words that frame a question without saying what it is about
        "normal", "mean", "means", "meaning", "matter", "matters", "exactly", "actually", "possible", "usual",
        "usually", "true", "happen", "happens", "happening", "stuff", "anything", "everything", "info",
        "information", "explain", "describe", "kind", "type", "sort", "way", "ways", "lot", "bit", "okay",
        "wondering", "question", "make", "makes", "made", "take", "takes", "taking", "people", "person", "main", "part", "parts", "aspects", "elements", "key", "important", "essential",
        "affect", "affects", "affected", "look", "looks", "one", "curious", "think", "say", "said", "probably", "maybe", "guess", "sure",
    ]);

    public static bool IsStopWord(string token) => StopWords.Contains(token);

    /// <summary>Lower-case ASCII word tokens in order; letters with accents lose them.</summary>
    public static List<string> Tokenize(string text) => Tokenize(text, keepCase: false);

    /// <summary>Word tokens in order, lower-cased unless <paramref name="keepCase"/> (for "NA", "SMART").</summary>
    public static List<string> Tokenize(string text, bool keepCase)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Normalize(NormalizationForm.FormD))
        {
            var c = char.ToLowerInvariant(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                current.Append(keepCase ? raw : c);
            }
            else if (c is '\'' or '\u2019' or '\u2018' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // apostrophes join ("don't" -> "dont"); combining accents are dropped ("café" -> "cafe")
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    /// <summary>The index term of one token, or null for a stop word.</summary>
    public static string? Term(string token) => IsStopWord(token) ? null : PorterStemmer.Stem(token);

    /// <summary>The index terms of a text, in order, stop words removed.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var token in Tokenize(text))
        {
            if (Term(token) is { } term) terms.Add(term);
        }
        return terms;
    }
}
