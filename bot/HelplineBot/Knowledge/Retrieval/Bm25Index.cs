namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// Okapi BM25 over knowledge sections (k1 = 1.2, b = 0.75). A section's text is its title (counted
/// three times: it names the question the section answers), its short answer (twice: it is what a
/// visitor sees) and its body, all through <see cref="TextAnalyzer"/>. On top of BM25, a section whose
/// title matches the question gets a bonus of up to <see cref="TitleBonus"/>: the idf-weighted share of
/// the title's terms found in the question times the share of the question's terms found in the title.
/// "What is family therapy" is about the section titled "Family therapy" more than about the long
/// section listing every therapy, while a title of one common word ("ketamine") earns little.
/// </summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double TitleBonus = 4.0;

    private readonly IReadOnlyList<KnowledgeSection> _sections;
    private readonly Dictionary<string, int>[] _termFrequencies;
    private readonly int[] _lengths;
    private readonly List<string>[] _titleTerms;
    private readonly double _averageLength;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _surfaceWords = new(StringComparer.Ordinal);

    public Bm25Index(IReadOnlyList<KnowledgeSection> sections)
    {
        _sections = sections;
        _termFrequencies = new Dictionary<string, int>[sections.Count];
        _lengths = new int[sections.Count];
        _titleTerms = sections.Select(s => TextAnalyzer.Terms(s.Title).Distinct(StringComparer.Ordinal).ToList()).ToArray();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < sections.Count; d++)
        {
            var section = sections[d];
            var text = string.Join('\n', section.Title, section.Title, section.Title, section.ShortAnswer, section.ShortAnswer, section.Body);
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var token in TextAnalyzer.Tokenize(text))
            {
                if (TextAnalyzer.Term(token) is not { } term) continue;
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
                _lengths[d]++;
                if (token.Length >= 3 && !token.Any(char.IsDigit)) _surfaceWords[token] = _surfaceWords.GetValueOrDefault(token) + 1;
            }
            _termFrequencies[d] = frequencies;
            foreach (var term in frequencies.Keys) documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }
        _averageLength = sections.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
        foreach (var (term, df) in documentFrequency)
        {
            _idf[term] = Math.Log(1 + (sections.Count - df + 0.5) / (df + 0.5));
        }
        UnknownWeight = _idf.Count == 0 ? 1 : _idf.Values.Average();
    }

    /// <summary>
    /// The weight of a question word no section contains: the vocabulary's mean idf. A word the knowledge
    /// never uses counts against answering, as much as an ordinary word would count for it.
    /// </summary>
    public double UnknownWeight { get; }

    /// <summary>Words as they appear in sections, with how often: the vocabulary typos are corrected to.</summary>
    public IReadOnlyDictionary<string, int> SurfaceWords => _surfaceWords;

    public bool Contains(string term) => _idf.ContainsKey(term);

    public double Idf(string term) => _idf.GetValueOrDefault(term, UnknownWeight);

    /// <summary>Sections ranked by BM25 score for the given (distinct) terms, best first, score &gt; 0 only.</summary>
    public List<SearchHit> Search(IReadOnlyList<QueryTerm> terms, int top)
    {
        var hits = new List<SearchHit>();
        // coverage is judged on the words that ask the question, not on the scene around it
        var totalWeight = terms.Where(t => t.Focus).Sum(t => t.Weight * Idf(t.Term));
        for (var d = 0; d < _sections.Count; d++)
        {
            double score = 0, matchedWeight = 0;
            var frequencies = _termFrequencies[d];
            foreach (var (term, weight, focus) in terms)
            {
                if (!frequencies.TryGetValue(term, out var tf)) continue;
                var idf = _idf[term];
                score += weight * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[d] / _averageLength));
                if (focus) matchedWeight += weight * idf;
            }
            if (score <= 0) continue;
            score += TitleBonus * TitleMatch(d, terms);
            hits.Add(new SearchHit(_sections[d], score, totalWeight == 0 ? 0 : matchedWeight / totalWeight));
        }
        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits.Count > top ? hits.GetRange(0, top) : hits;
    }

    private double TitleMatch(int d, IReadOnlyList<QueryTerm> terms)
    {
        double title = 0, titleMatched = 0, question = 0, questionMatched = 0;
        foreach (var term in _titleTerms[d])
        {
            title += _idf[term];
            if (terms.Any(t => t.Term == term)) titleMatched += _idf[term];
        }
        foreach (var (term, weight, _) in terms)
        {
            question += weight * Idf(term);
            if (_titleTerms[d].Contains(term)) questionMatched += weight * Idf(term);
        }
        return title == 0 || question == 0 ? 0 : titleMatched / title * (questionMatched / question);
    }
}
