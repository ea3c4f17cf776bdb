using HelplineBot.Text;

namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// Corrects a misspelt word to a known one: edit distance (with transpositions) of 1 for words of 5-7
/// letters and 2 from 8 letters, the candidate with the smallest distance and then the most uses
/// winning. Words under five letters are never corrected: "cure" must not become "care".
/// </summary>
internal sealed class TypoCorrector(IReadOnlyDictionary<string, int> vocabulary)
{
    public string? Correct(string word)
    {
        if (word.Length < 5 || word.Any(char.IsDigit)) return null;
        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        int bestDistance = int.MaxValue, bestCount = 0;
        foreach (var (candidate, count) in vocabulary)
        {
            if (Math.Abs(candidate.Length - word.Length) > maxDistance) continue;
            // a two-edit correction must keep the first letter: people rarely mistype it
            var limit = candidate[0] == word[0] ? maxDistance : 1;
            var distance = EditDistance.Within(word, candidate, limit);
            if (distance > limit) continue;
            if (distance < bestDistance || (distance == bestDistance && count > bestCount))
            {
                best = candidate;
                bestDistance = distance;
                bestCount = count;
            }
        }
        return best;
    }
}
