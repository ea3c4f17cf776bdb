using HelplineBot.Knowledge.Retrieval;

namespace HelplineBot.Eval;

/// <summary>
/// Whether an answer states a labelled fact "in any wording" (docs/evaluation.md): the fact's content
/// words (stop words dropped, Porter-stemmed) must appear among the answer's stems, all of them for a
/// fact of up to three content words and at least three quarters (rounded up) for a longer one. Word
/// order and phrasing are free; a fact with no content words left (e.g. "K") is matched as a whole word.
/// </summary>
internal static class FactCheck
{
    public static bool Contains(string answer, string fact)
    {
        var answerTokens = TextAnalyzer.Tokenize(answer);
        var answerStems = answerTokens.Select(PorterStemmer.Stem).ToHashSet(StringComparer.Ordinal);
        var factStems = TextAnalyzer.Tokenize(fact).Where(t => !TextAnalyzer.IsStopWord(t)).Select(PorterStemmer.Stem).Distinct().ToList();
        if (factStems.Count == 0)
        {
            var words = TextAnalyzer.Tokenize(fact);
            return words.Count > 0 && words.All(answerTokens.Contains);
        }
        var needed = factStems.Count <= 3 ? factStems.Count : (int)Math.Ceiling(factStems.Count * 0.75);
        return factStems.Count(answerStems.Contains) >= needed;
    }
}
