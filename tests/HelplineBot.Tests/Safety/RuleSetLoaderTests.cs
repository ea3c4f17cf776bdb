using HelplineBot.Safety;

namespace HelplineBot.Tests.Safety;

/// <summary>A content editor's mistake must stop the start with the file's name and what is wrong.</summary>
public sealed class RuleSetLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helplinebot-safety-" + Guid.NewGuid().ToString("N"));

    public RuleSetLoaderTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(SafetyRules.Folder)) File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ShippedFiles_LoadsEveryRuleFamily()
    {
        var rules = RuleSet.Load(_folder);

        Assert.True(rules.RuleCount >= 20);
        Assert.True(rules.GuardCount >= 3);
    }

    [Fact]
    public void Load_MissingFolder_NamesTheFolder()
    {
        var missing = Path.Combine(_folder, "nope");

        var ex = Assert.Throws<SafetyRulesException>(() => RuleSet.Load(missing));

        Assert.Equal(missing, ex.File);
    }

    [Fact]
    public void Load_MissingLexicon_NamesTheFile()
    {
        File.Delete(Path.Combine(_folder, "lexicon.yaml"));

        var ex = Assert.Throws<SafetyRulesException>(() => RuleSet.Load(_folder));

        Assert.Equal("lexicon.yaml", ex.File);
        Assert.Contains("missing", ex.Message);
    }

    [Theory]
    [InlineData("category: crisis_suicide", "category: crisis_sad", "category \"crisis_sad\"")]
    [InlineData("    confidence: 0.95\n", "    confidence: 1.5\n", "confidence must be")]
    [InlineData("\"kill* (myself|my self|himself|herself|themselves)\"", "\"kill* (myself|my self\"", "missing ')'")]
    [InlineData("\"kill* (myself|my self|himself|herself|themselves)\"", "\"kill* {selves}\"", "unknown list {selves}")]
    [InlineData("  - id: suicide-ideation", "  - id: suicide-explicit", "\"suicide-explicit\" is used twice")]
    [InlineData("  - id: suicide-ideation", "  - id: Suicide Ideation", "must be kebab-case")]
    [InlineData("    counterExamples:\n      - \"I'm not going to kill myself", "    counterexamples:\n      - \"I'm not going to kill myself", "unknown key 'counterexamples'")]
    [InlineData("    description: The person says in plain words", "    description: [The person says in plain words", "line ")]
    public void Load_BrokenRuleFile_NamesTheFileAndTheProblem(string find, string replace, string problem)
    {
        Break("rules-suicide.yaml", find, replace);

        var ex = Assert.Throws<SafetyRulesException>(() => RuleSet.Load(_folder));

        Assert.Equal("rules-suicide.yaml", ex.File);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Load_RuleWithoutExamples_IsRejected()
    {
        Break("rules-self-harm.yaml", "    examples:\n      - \"me estoy cortando\"\n      - \"quiero hacerme daño otra vez\"\n      - \"me corté otra vez\"\n", "");

        var ex = Assert.Throws<SafetyRulesException>(() => RuleSet.Load(_folder));

        Assert.Equal("rules-self-harm.yaml", ex.File);
        Assert.Contains("rule \"self-harm-spanish\": examples is missing", ex.Message);
    }

    [Fact]
    public void Load_GuardWithUnknownScope_IsRejected()
    {
        Break("rules-guards.yaml", "scope: overlap", "scope: everywhere");

        var ex = Assert.Throws<SafetyRulesException>(() => RuleSet.Load(_folder));

        Assert.Contains("scope \"everywhere\"", ex.Message);
    }

    [Fact]
    public void Load_PatternThatMatchesEverything_IsRejected()
    {
        Break("rules-suicide.yaml", "\"off myself\"", "\"(off|)?\"");

        var ex = Assert.Throws<SafetyRulesException>(() => RuleSet.Load(_folder));

        Assert.Contains("empty", ex.Message);
    }

    private void Break(string file, string find, string replace)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));
    }
}
