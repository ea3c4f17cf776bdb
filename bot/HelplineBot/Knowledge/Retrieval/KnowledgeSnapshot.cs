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
    private readonly QuestionFocus _focus;

    public KnowledgeSnapshot(IReadOnlyList<KnowledgeSection> sections, Synonyms synonyms, QuestionFocus? focus = null)
    {
        _focus = focus ?? QuestionFocus.Default;
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

    /// <summary>
    /// The question's distinct index terms, weighted, after synonyms and typo correction. Framing words and
    /// disclaimers are left out; words of a scene-setting sentence weigh <see cref="ContextWeight"/> and are
    /// not <see cref="QueryTerm.Focus"/> (<see cref="QuestionFocus"/>). When nothing focused is left, every
    /// part counts as focus, so a message is never judged on nothing.
    /// </summary>
    public List<QueryTerm> QueryTerms(string question)
    {
        var parts = QuestionFocus.Split(question);
        var terms = new List<QueryTerm>();
        foreach (var part in parts.Where(p => p.Role != QuestionRole.Disclaimer))
        {
            AddTerms(terms, part.Text, part.Role == QuestionRole.Focus ? 1.0 : ContextWeight, part.Role == QuestionRole.Focus);
        }
        if (!terms.Any(t => t.Focus))
        {
            terms.Clear();
            foreach (var part in parts) AddTerms(terms, part.Text, 1.0, focus: true);
        }
        return terms
            .GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => new QueryTerm(g.Key, g.Max(t => t.Weight), g.Any(t => t.Focus)))
            .ToList();
    }

    /// <summary>The weight of a word from a sentence that sets the scene rather than asks.</summary>
    public const double ContextWeight = 0.35;

    private void AddTerms(List<QueryTerm> terms, string text, double scale, bool focus)
    {
        foreach (var (token, weight) in _synonyms.ExpandWeighted(text))
        {
            if (_focus.IsFraming(token) || TextAnalyzer.Term(token) is not { } term) continue;
            var w = weight * scale;
            if (Index.Contains(term))
            {
                terms.Add(new QueryTerm(term, w, focus));
                continue;
            }
            var corrected = _typos.Correct(token);
            if (corrected is null)
            {
                terms.Add(new QueryTerm(term, w, focus));
            }
            else if (_synonyms.Meaning(corrected) is { } meaning)
            {
                var meant = meaning.Select(TextAnalyzer.Term).OfType<string>().ToList();
                terms.AddRange(meant.Select(t => new QueryTerm(t, w * Math.Min(1.0, 1.0 / meant.Count), focus)));
            }
            else if (TextAnalyzer.Term(corrected) is { } correctedTerm)
            {
                terms.Add(new QueryTerm(correctedTerm, w, focus));
            }
        }
    }

    public List<SearchHit> Search(string question, int top) => Index.Search(QueryTerms(question), top);

    private static string TitleKey(string text) => string.Join(' ', TextAnalyzer.Tokenize(text));
}
