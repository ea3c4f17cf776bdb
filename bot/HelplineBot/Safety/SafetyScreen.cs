namespace HelplineBot.Safety;

/// <summary>
/// Classifies one message: crisis (five kinds), a request for a person, or nothing. Pure and synchronous: no
/// storage, no network, no AI, so it runs first on every message and keeps working when everything else fails.
/// Rules come from knowledge/safety (see README there); this class applies negation, rule exceptions and guards,
/// then picks the category: any crisis beats a human request, and between crises the strongest evidence wins.
/// </summary>
public sealed class SafetyScreen(RuleSet rules)
{
    public const double NothingFoundConfidence = 0.9;
    public const double SetAsideConfidence = 0.6;
    public const string Negation = "negation";
    public const string RuleException = "unless";

    // When two crises are equally likely, the one whose first step is most urgent comes first: an ingestion
    // that already happened needs 911 before anything else (eval-dev README).
    private static readonly SafetyCategory[] CrisisOrder =
    [
        SafetyCategory.CrisisOverdoseMedical, SafetyCategory.CrisisSuicide, SafetyCategory.CrisisHarmToOthers,
        SafetyCategory.CrisisAbuseDanger, SafetyCategory.CrisisSelfHarm,
    ];

    public RuleSet Rules => rules;

    public SafetyVerdict Screen(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return SafetyVerdict.Nothing;

        var buffer = new NormalizedBuffer(text.Length);
        try
        {
            rules.Normalizer.Normalize(text, ref buffer);
            return Classify(buffer.Written);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private SafetyVerdict Classify(ReadOnlySpan<char> normalized)
    {
        List<Hit>? hits = null;
        // Only the patterns whose anchor words are in the message can match; the rest are skipped unrun.
        Span<bool> candidates = rules.Index.Count <= 1024 ? stackalloc bool[rules.Index.Count] : new bool[rules.Index.Count];
        rules.Index.MarkCandidates(normalized, candidates);
        var patternNumber = 0;
        foreach (var rule in rules.Rules)
        {
            foreach (var pattern in rule.Matcher)
            {
                if (!candidates[patternNumber++]) continue;
                foreach (var match in pattern.EnumerateMatches(normalized))
                {
                    (hits ??= []).Add(new Hit(rule, match.Index, match.Index + match.Length));
                }
            }
        }
        if (hits is null) return SafetyVerdict.Nothing;

        var guardHits = FindGuards(normalized);
        var evidence = new List<SafetyEvidence>(hits.Count);
        Span<double> missing = stackalloc double[7];
        missing.Fill(1.0);
        var counted = new List<Hit>(hits.Count);
        foreach (var hit in hits)
        {
            var reason = SetAsideBy(normalized, hit, guardHits);
            var matched = normalized[hit.Start..hit.End].Trim().ToString();
            evidence.Add(new SafetyEvidence(hit.Rule.Id, hit.Rule.Category, matched, reason));
            // Each signal counts once: two different weak signals add up; the same words matched twice, or two
            // patterns of one rule on overlapping words, do not.
            if (reason is null && IsNewSignal(normalized, counted, hit))
            {
                counted.Add(hit);
                missing[(int)hit.Rule.Category] *= 1 - hit.Rule.Confidence;
            }
        }

        var category = SafetyCategory.None;
        var best = 0.0;
        foreach (var crisis in CrisisOrder)
        {
            var confidence = 1 - missing[(int)crisis];
            if (confidence >= rules.MinimumConfidence && confidence > best + 1e-9)
            {
                category = crisis;
                best = confidence;
            }
        }
        if (category == SafetyCategory.None && 1 - missing[(int)SafetyCategory.HumanRequest] >= rules.MinimumConfidence)
        {
            category = SafetyCategory.HumanRequest;
            best = 1 - missing[(int)SafetyCategory.HumanRequest];
        }
        if (category == SafetyCategory.None) best = SetAsideConfidence;

        evidence.Sort((a, b) => a.Counts == b.Counts ? 0 : a.Counts ? -1 : 1);
        return new SafetyVerdict(category, Math.Round(Math.Min(best, 0.99), 3), evidence);
    }

    private List<Hit>? FindGuards(ReadOnlySpan<char> normalized)
    {
        List<Hit>? found = null;
        foreach (var guard in rules.Guards)
        {
            foreach (var pattern in guard.Matcher)
            {
                foreach (var match in pattern.EnumerateMatches(normalized))
                {
                    (found ??= []).Add(new Hit(null!, match.Index, match.Index + match.Length, guard));
                }
            }
        }
        return found;
    }

    private string? SetAsideBy(ReadOnlySpan<char> normalized, Hit hit, List<Hit>? guardHits)
    {
        if (IsNegated(normalized, hit.Start)) return Negation;

        foreach (var exception in hit.Rule.Exceptions ?? [])
        {
            foreach (var match in exception.EnumerateMatches(normalized))
            {
                if (match.Index < hit.End && match.Index + match.Length > hit.Start) return RuleException;
            }
        }

        if (guardHits is null) return null;
        var clause = ClauseOf(normalized, hit.Start);
        foreach (var guardHit in guardHits)
        {
            var guard = guardHit.Guard!;
            if (!guard.AppliesTo.Contains(hit.Rule.Category)) continue;
            var applies = guard.Scope == GuardScope.Overlap
                ? guardHit.Start < hit.End && guardHit.End > hit.Start
                : ClauseOf(normalized, guardHit.Start) == clause;
            if (applies && !Keeps(guard, ClauseAround(normalized, hit.Start))) return guard.Id;
        }
        return null;
    }

    private static bool Keeps(SafetyGuard guard, ReadOnlySpan<char> clause)
    {
        foreach (var keep in guard.KeepWhen ?? [])
        {
            if (keep.IsMatch(clause)) return true;
        }
        return false;
    }

    private static bool IsNewSignal(ReadOnlySpan<char> normalized, List<Hit> counted, Hit hit)
    {
        foreach (var other in counted)
        {
            if (other.Rule != hit.Rule) continue;
            if (other.Start < hit.End && other.End > hit.Start) return false;
            if (normalized[other.Start..other.End].SequenceEqual(normalized[hit.Start..hit.End])) return false;
        }
        return true;
    }

    /// <summary>The clause holding a position, with its leading space so patterns anchor as in the whole text.</summary>
    private static ReadOnlySpan<char> ClauseAround(ReadOnlySpan<char> normalized, int position)
    {
        var start = normalized[..position].LastIndexOf(TextNormalizer.ClauseBreak) + 1;
        var length = normalized[position..].IndexOf(TextNormalizer.ClauseBreak);
        return length < 0 ? normalized[start..] : normalized[start..(position + length)];
    }

    /// <summary>A negation word among the few words before the match, in the same clause: "I'm not suicidal".</summary>
    private bool IsNegated(ReadOnlySpan<char> normalized, int start)
    {
        var position = start - 1;
        ReadOnlySpan<char> following = normalized[start..].TrimStart();
        following = following[..Math.Max(0, following.IndexOf(' '))];
        for (var words = 0; words < rules.NegationWindow; words++)
        {
            while (position >= 0 && normalized[position] == ' ') position--;
            if (position < 0) return false;
            var end = position + 1;
            while (position >= 0 && normalized[position] != ' ') position--;
            var word = normalized[(position + 1)..end];
            if (word.Length == 1 && word[0] == TextNormalizer.ClauseBreak) return false;
            // "can't stop cutting", "won't stop bleeding": the negation belongs to "stop", not to what follows.
            if (rules.Negations.Contains(word) && !rules.NegationExceptions.Contains(following)) return true;
            following = word;
        }
        return false;
    }

    private static int ClauseOf(ReadOnlySpan<char> normalized, int position) =>
        normalized[..position].Count(TextNormalizer.ClauseBreak);

    private readonly record struct Hit(SafetyRule Rule, int Start, int End, SafetyGuard? Guard = null);
}
