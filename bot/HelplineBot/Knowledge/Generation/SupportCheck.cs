using System.Text.RegularExpressions;
using HelplineBot.Knowledge.Retrieval;

namespace HelplineBot.Knowledge.Generation;

/// <summary>
/// Checks a generated answer sentence by sentence against the sections it was given: every sentence
/// must cite at least one of those sections as [section-id], at least <see cref="MinShare"/> of its
/// content words (stemmed) must occur in the cited sections, and every number in it must occur there
/// too. One doubtful sentence rejects the whole answer: the extractive answer is then used instead.
/// </summary>
internal static partial class SupportCheck
{
    public const double MinShare = 0.8;

    [GeneratedRegex(@"\[(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\S)|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    /// <summary>The answer without its citation marks and the cited ids, or a reason it is not supported.</summary>
    public static SupportResult Check(string answer, IReadOnlyList<KnowledgeSection> sections)
    {
        var byId = sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var cited = new List<string>();
        var shown = new List<string>();
        foreach (var sentence in SentenceBreak().Split(answer.Trim()).Where(s => s.Trim().Length > 0))
        {
            var ids = Citation().Matches(sentence).Select(m => m.Groups["id"].Value).Distinct().ToList();
            var text = Citation().Replace(sentence, "").Trim();
            if (text.Length == 0 || text.All(c => !char.IsLetterOrDigit(c))) continue;
            if (ids.Count == 0) return SupportResult.Rejected("sentence without citation");
            if (ids.Any(id => !byId.ContainsKey(id))) return SupportResult.Rejected("citation of a section it was not given");
            var source = string.Join('\n', ids.Select(id => byId[id]).Select(s => $"{s.Title}\n{s.ShortAnswer}\n{s.Body}"));
            var sourceTerms = TextAnalyzer.Terms(source).ToHashSet(StringComparer.Ordinal);
            var terms = TextAnalyzer.Terms(text).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count > 0 && (double)terms.Count(sourceTerms.Contains) / terms.Count < MinShare)
            {
                return SupportResult.Rejected("sentence not supported by the cited sections");
            }
            if (Number().Matches(text).Any(n => !source.Contains(n.Value, StringComparison.Ordinal)))
            {
                return SupportResult.Rejected("number not in the cited sections");
            }
            cited.AddRange(ids);
            shown.Add(text);
        }
        if (shown.Count == 0) return SupportResult.Rejected("empty answer");
        return new SupportResult(true, string.Join(' ', shown).Replace(" .", ".", StringComparison.Ordinal), cited.Distinct().ToList(), null);
    }
}

/// <summary>The outcome of <see cref="SupportCheck"/>: the clean text and cited ids, or why it was rejected.</summary>
internal sealed record SupportResult(bool IsSupported, string Text, IReadOnlyList<string> CitedSectionIds, string? Reason)
{
    public static SupportResult Rejected(string reason) => new(false, "", [], reason);
}
