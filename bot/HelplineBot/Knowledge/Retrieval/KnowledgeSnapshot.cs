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

    /// <summary>The question's distinct index terms after synonyms and typo correction.</summary>
    public List<string> QueryTerms(string question)
    {
        var terms = new List<string>();
        foreach (var token in _synonyms.Expand(question))
        {
            if (TextAnalyzer.Term(token) is not { } term) continue;
            if (Index.Contains(term))
            {
                terms.Add(term);
                continue;
            }
            var corrected = _typos.Correct(token);
            if (corrected is null)
            {
                terms.Add(term);
            }
            else if (_synonyms.Meaning(corrected) is { } meaning)
            {
                terms.AddRange(meaning.Select(TextAnalyzer.Term).OfType<string>());
            }
            else if (TextAnalyzer.Term(corrected) is { } correctedTerm)
            {
                terms.Add(correctedTerm);
            }
        }
        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    public List<SearchHit> Search(string question, int top) => Index.Search(QueryTerms(question), top);

    private static string TitleKey(string text) => string.Join(' ', TextAnalyzer.Tokenize(text));
}
