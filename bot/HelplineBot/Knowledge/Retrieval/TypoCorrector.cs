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
            var distance = Distance(word, candidate, limit);
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

    // Optimal string alignment distance, giving up early once every cell of a row exceeds the limit.
    internal static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
