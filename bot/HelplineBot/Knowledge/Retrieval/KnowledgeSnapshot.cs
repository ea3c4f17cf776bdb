namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// The loaded knowledge at one moment: sections by id, their BM25 index, the synonyms and the typo
/// vocabulary. Immutable, so a reload swaps in a new snapshot while questions keep using the old one.
/// </summary>
internal sealed class KnowledgeSnapshot
{
    private readonly Dictionary<string, KnowledgeSection> _byId;
    private readonly Dictionary<string, KnowledgeSection> _byTitle;
    private readonly Synonyms _synonyms;
    private readonly TypoCorrector _typos;

    public KnowledgeSnapshot(IReadOnlyList<KnowledgeSection> sections, Synonyms synonyms)
    {
        Sections = sections;
        _byId = sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _byTitle = new Dictionary<string, KnowledgeSection>(StringComparer.Ordinal);
        foreach (var section in sections) _byTitle.TryAdd(TitleKey(section.Title), section);
        _synonyms = synonyms;
        Index = new Bm25Index(sections);
        var vocabulary = new Dictionary<string, int>(Index.SurfaceWords, StringComparer.Ordinal);
        foreach (var word in synonyms.SingleWords.Where(w => w.Length >= 3)) vocabulary.TryAdd(word, 1);
        _typos = new TypoCorrector(vocabulary);
    }

    public IReadOnlyList<KnowledgeSection> Sections { get; }

    public Bm25Index Index { get; }

    public KnowledgeSection? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The section whose title the text is, as a follow-up button sends it back.</summary>
    public KnowledgeSection? FindByTitle(string text) => _byTitle.GetValueOrDefault(TitleKey(text));

    /// <summary>The question's distinct index terms, weighted, after synonyms and typo correction.</summary>
    public List<QueryTerm> QueryTerms(string question)
    {
        var terms = new List<QueryTerm>();
        foreach (var (token, weight) in _synonyms.ExpandWeighted(question))
        {
            if (TextAnalyzer.Term(token) is not { } term) continue;
            if (Index.Contains(term))
            {
                terms.Add(new QueryTerm(term, weight));
                continue;
            }
            var corrected = _typos.Correct(token);
            if (corrected is null)
            {
                terms.Add(new QueryTerm(term, weight));
            }
            else if (_synonyms.Meaning(corrected) is { } meaning)
            {
                var meant = meaning.Select(TextAnalyzer.Term).OfType<string>().ToList();
                terms.AddRange(meant.Select(t => new QueryTerm(t, weight * Math.Min(1.0, 1.0 / meant.Count))));
            }
            else if (TextAnalyzer.Term(corrected) is { } correctedTerm)
            {
                terms.Add(new QueryTerm(correctedTerm, weight));
            }
        }
        return terms
            .GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => new QueryTerm(g.Key, g.Max(t => t.Weight)))
            .ToList();
    }

    public List<SearchHit> Search(string question, int top) => Index.Search(QueryTerms(question), top);

    private static string TitleKey(string text) => string.Join(' ', TextAnalyzer.Tokenize(text));
}
