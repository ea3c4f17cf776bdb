using System.Collections.Frozen;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelplineBot.Safety;

/// <summary>
/// Reads <c>normalization.yaml</c>, <c>lexicon.yaml</c> and every <c>rules-*.yaml</c> of the safety folder,
/// validates them and compiles the patterns. Every problem names the file and what is wrong.
/// </summary>
internal static class RuleSetLoader
{
    public const string NormalizationFileName = "normalization.yaml";
    public const string LexiconFileName = "lexicon.yaml";
    public const string RuleFilePattern = "rules-*.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static RuleSet Load(string folder, int negationWindow, double minimumConfidence)
    {
        if (!Directory.Exists(folder)) throw new SafetyRulesException(folder, "the safety rules folder does not exist");

        var normalizationFile = Read<NormalizationFile>(folder, NormalizationFileName);
        var lexicon = Read<LexiconFile>(folder, LexiconFileName);
        var ruleFiles = Directory.GetFiles(folder, RuleFilePattern).Order(StringComparer.Ordinal).ToList();
        if (ruleFiles.Count == 0) throw new SafetyRulesException(folder, $"no {RuleFilePattern} files");

        var data = BuildNormalization(normalizationFile);
        // Pattern words are normalised without the repairs meant for typing mistakes ("advisors" must stay plural).
        var plain = new TextNormalizer(new NormalizationData
        {
            Expansions = data.Expansions,
            Spellings = data.Spellings,
            Emoji = data.Emoji,
            ClauseBreaks = data.ClauseBreaks,
            Negations = data.Negations,
            FuzzyWords = [],
        });
        var lists = BuildLists(lexicon);
        var compiler = new PatternCompiler(plain.Normalize, lists, data.Negations);

        var rules = new List<SafetyRule>();
        var guards = new List<SafetyGuard>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ruleFiles)
        {
            var name = Path.GetFileName(path);
            var file = Read<RuleFile>(folder, name);
            if ((file.Rules?.Count ?? 0) + (file.Guards?.Count ?? 0) == 0) throw new SafetyRulesException(name, "no rules and no guards");
            foreach (var (entry, index) in (file.Rules ?? []).Select((e, i) => (e, i)))
            {
                rules.Add(BuildRule(entry, index, name, compiler, ids));
            }
            foreach (var (entry, index) in (file.Guards ?? []).Select((e, i) => (e, i)))
            {
                guards.Add(BuildGuard(entry, index, name, compiler, ids));
            }
        }

        var vocabulary = new HashSet<string>(compiler.Words, StringComparer.Ordinal);
        foreach (var expansion in data.Expansions.Values.Concat(data.Spellings.Values))
        {
            vocabulary.UnionWith(expansion.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        vocabulary.UnionWith(data.FuzzyWords);
        var normalizer = new TextNormalizer(new NormalizationData
        {
            Expansions = data.Expansions,
            Spellings = data.Spellings,
            Emoji = data.Emoji,
            ClauseBreaks = data.ClauseBreaks,
            Negations = data.Negations,
            NegationExceptions = data.NegationExceptions,
            FuzzyWords = data.FuzzyWords,
            ContextualContractions = data.ContextualContractions,
            ContractionVerbs = data.ContractionVerbs,
            Vocabulary = vocabulary.ToFrozenSet(StringComparer.Ordinal),
        });
        return new RuleSet(normalizer, rules, guards, negationWindow, minimumConfidence);
    }

    private static T Read<T>(string folder, string name) where T : class, new()
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) throw new SafetyRulesException(name, "file is missing");
        try
        {
            using var reader = File.OpenText(path);
            return Yaml.Deserialize<T>(reader) ?? new T();
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new SafetyRulesException(name, $"line {ex.Start.Line}, column {ex.Start.Column}: {Shorten(detail)}", ex);
        }
    }

    private static string Shorten(string detail)
    {
        // YamlDotNet repeats the position and names our internal type; keep what a content editor can act on.
        var close = detail.IndexOf("): ", StringComparison.Ordinal);
        detail = close >= 0 && detail.StartsWith('(') ? detail[(close + 3)..] : detail;
        var unknown = Regex.Match(detail, "^Property '([^']+)' not found on type");
        return unknown.Success ? $"unknown key '{unknown.Groups[1].Value}' (keys are camelCase, e.g. counterExamples)" : detail;
    }

    private static NormalizationData BuildNormalization(NormalizationFile file)
    {
        const string name = NormalizationFileName;
        var negations = Required(file.Negations, name, "negations");
        var emoji = new Dictionary<int, string>();
        foreach (var (key, words) in file.Emoji ?? [])
        {
            var runes = key.EnumerateRunes().Where(r => r.Value is not (0xFE0F or 0x200D)).ToList();
            if (runes.Count != 1) throw new SafetyRulesException(name, $"emoji \"{key}\" must be a single emoji");
            emoji[runes[0].Value] = words.Trim().ToLowerInvariant();
        }
        return new NormalizationData
        {
            Expansions = Lower(file.Expansions).ToFrozenDictionary(StringComparer.Ordinal),
            Spellings = Lower(file.Spellings).ToFrozenDictionary(StringComparer.Ordinal),
            Emoji = emoji.ToFrozenDictionary(),
            ClauseBreaks = (file.ClauseBreaks ?? []).Select(w => w.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
            Negations = negations.Select(w => w.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
            NegationExceptions = (file.NegationExceptions ?? []).Select(w => w.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
            FuzzyWords = (file.FuzzyWords ?? []).Select(w => w.Trim().ToLowerInvariant()).ToArray(),
            ContextualContractions = Lower(file.ContextualContractions).ToFrozenDictionary(StringComparer.Ordinal),
            ContractionVerbs = (file.ContractionVerbs ?? []).Select(w => w.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
        };
    }

    private static Dictionary<string, string> Lower(Dictionary<string, string>? map) =>
        (map ?? []).ToDictionary(p => p.Key.Trim().ToLowerInvariant().Replace('\u2019', '\''), p => p.Value.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    private static Dictionary<string, IReadOnlyList<string>> BuildLists(LexiconFile file)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, entries) in Required(file.Lists, LexiconFileName, "lists"))
        {
            if (entries is null || entries.Count == 0) throw new SafetyRulesException(LexiconFileName, $"list \"{name}\" is empty");
            lists[name] = entries;
        }
        return lists;
    }

    private static SafetyRule BuildRule(RuleEntry entry, int index, string file, PatternCompiler compiler, HashSet<string> ids)
    {
        var id = CheckId(entry.Id, index, file, ids, "rule");
        var where = $"rule \"{id}\"";
        if (!SafetyLabels.TryParse(entry.Category, out var category) || category == SafetyCategory.None)
        {
            throw new SafetyRulesException(file, $"{where}: category \"{entry.Category}\" is not one of {string.Join(", ", SafetyLabels.All.SkipLast(1))}");
        }
        var confidence = entry.Confidence ?? 0.9;
        if (confidence is <= 0 or > 1) throw new SafetyRulesException(file, $"{where}: confidence must be above 0 and at most 1");

        var compiled = CompileWithAnchors(compiler, Required(entry.Patterns, file, $"{where}: patterns"), file, where);
        return new SafetyRule
        {
            Id = id,
            Category = category,
            Description = Text(entry.Description, file, where),
            Confidence = confidence,
            Matcher = compiled.Select(c => c.Regex).ToArray(),
            Anchors = compiled.Select(c => c.Anchor).ToArray(),
            Exceptions = entry.Unless is { Count: > 0 } ? CompileAll(compiler, entry.Unless, file, where + " (unless)") : null,
            Examples = Required(entry.Examples, file, $"{where}: examples"),
            CounterExamples = entry.CounterExamples ?? [],
            File = file,
        };
    }

    private static SafetyGuard BuildGuard(GuardEntry entry, int index, string file, PatternCompiler compiler, HashSet<string> ids)
    {
        var id = CheckId(entry.Id, index, file, ids, "guard");
        var where = $"guard \"{id}\"";
        var scope = entry.Scope switch
        {
            "overlap" => GuardScope.Overlap,
            "clause" => GuardScope.Clause,
            _ => throw new SafetyRulesException(file, $"{where}: scope \"{entry.Scope}\" must be overlap or clause"),
        };
        var appliesTo = new HashSet<SafetyCategory>();
        foreach (var label in Required(entry.AppliesTo, file, $"{where}: appliesTo"))
        {
            if (!SafetyLabels.TryParse(label, out var category) || category == SafetyCategory.None)
            {
                throw new SafetyRulesException(file, $"{where}: appliesTo has unknown category \"{label}\"");
            }
            appliesTo.Add(category);
        }
        return new SafetyGuard
        {
            Id = id,
            Description = Text(entry.Description, file, where),
            Scope = scope,
            AppliesTo = appliesTo,
            Matcher = CompileAll(compiler, Required(entry.Patterns, file, $"{where}: patterns"), file, where)!,
            KeepWhen = entry.KeepWhen is { Count: > 0 } ? CompileAll(compiler, entry.KeepWhen, file, where + " (keepWhen)") : null,
            Examples = Required(entry.Examples, file, $"{where}: examples"),
            CounterExamples = entry.CounterExamples ?? [],
            File = file,
        };
    }

    private static string CheckId(string? id, int index, string file, HashSet<string> ids, string kind)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new SafetyRulesException(file, $"{kind} number {index + 1} has no id");
        if (!Regex.IsMatch(id, "^[a-z0-9]+(-[a-z0-9]+)*$")) throw new SafetyRulesException(file, $"{kind} id \"{id}\" must be kebab-case");
        if (!ids.Add(id)) throw new SafetyRulesException(file, $"{kind} id \"{id}\" is used twice");
        return id;
    }

    private static Regex[]? CompileAll(PatternCompiler compiler, List<string> patterns, string file, string where) =>
        CompileWithAnchors(compiler, patterns, file, where).Select(c => c.Regex).ToArray();

    private static (Regex Regex, PatternAnchor? Anchor)[] CompileWithAnchors(PatternCompiler compiler, List<string> patterns, string file, string where)
    {
        foreach (var pattern in patterns)
        {
            try
            {
                compiler.CompilePattern(pattern ?? "");
            }
            catch (FormatException ex)
            {
                throw new SafetyRulesException(file, $"{where}: pattern \"{pattern}\": {ex.Message}");
            }
        }
        try
        {
            return compiler.CompileWithAnchors(patterns);
        }
        catch (FormatException ex)
        {
            throw new SafetyRulesException(file, $"{where}: {ex.Message}");
        }
    }

    private static string Text(string? value, string file, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new SafetyRulesException(file, $"{where}: description is missing") : value.Trim();

    private static T Required<T>(T? value, string file, string what) where T : class =>
        value is null or System.Collections.ICollection { Count: 0 } ? throw new SafetyRulesException(file, $"{what} is missing or empty") : value;
}
