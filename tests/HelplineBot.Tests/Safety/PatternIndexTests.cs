using HelplineBot.Eval;
using HelplineBot.Safety;

namespace HelplineBot.Tests.Safety;

/// <summary>
/// The screen skips a pattern when none of its anchor words is in the message. A wrong anchor would hide a crisis,
/// so the anchors are checked against every pattern that matches any message we have.
/// </summary>
public class PatternIndexTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Lists = new Dictionary<string, IReadOnlyList<string>>
    {
        ["pills"] = ["pills", "tablets", "a whole (bottle|pack)"],
        ["maybe"] = ["so", "(really|)"],
    };

    [Theory]
    [InlineData("kill myself", "kill")]
    [InlineData("(want|need) to die", "die")]
    [InlineData("(really|) (want|need) to", "need want")]
    [InlineData("took {pills}", "took")]
    [InlineData("{pills} ready", "ready")]
    [InlineData("{pills}", "pills tablets whole")]
    [InlineData("suicid*", "suicid*")]
    [InlineData("very? {maybe} sad", "sad")]
    public void CompilePattern_RequiredWords_BecomeTheAnchor(string pattern, string expected)
    {
        var compiler = new PatternCompiler(w => w, Lists, ["not"]);

        var anchor = compiler.CompilePatternWithAnchor(pattern).Anchor;

        Assert.NotNull(anchor);
        Assert.Equal(expected, string.Join(' ', anchor.Words.Order().Concat(anchor.Prefixes.Select(p => p + "*"))));
    }

    [Fact]
    public void CompilePattern_Prefix_IsNotRespeltBeforeMatching()
    {
        var compiler = new PatternCompiler(w => w == "suicid" ? "suicide" : w, Lists, ["not"]);

        var regex = compiler.Compile(["suicid*"]).Single();

        Assert.Matches(regex, " feeling suicidal ");
    }

    [Theory]
    [InlineData("very? sad?")]
    [InlineData("{maybe}")]
    [InlineData("(sad|) ...")]
    public void CompilePattern_EverythingOptional_HasNoAnchor(string pattern)
    {
        var compiler = new PatternCompiler(w => w, Lists, ["not"]);

        Assert.Null(compiler.CompilePatternWithAnchor(pattern).Anchor);
    }

    [Fact]
    public async Task Anchors_EveryPatternThatMatchesAMessageWeHave_IsACandidateForIt()
    {
        var rules = SafetyRules.RuleSet;
        var own = await SafetyEvaluation.ReadAsync(Path.Combine(AppContext.BaseDirectory, "Safety", "Data", "own-messages.jsonl"), CancellationToken.None);
        var texts = rules.Rules.SelectMany(r => r.Examples.Concat(r.CounterExamples))
            .Concat(rules.Guards.SelectMany(g => g.Examples.Concat(g.CounterExamples)))
            .Concat(own.Select(m => m.Text));
        var checkedMatches = 0;

        foreach (var text in texts)
        {
            var normalized = rules.Normalizer.Normalize(text);
            var candidates = new bool[rules.Index.Count];
            rules.Index.MarkCandidates(normalized, candidates);
            var number = 0;
            foreach (var rule in rules.Rules)
            {
                foreach (var pattern in rule.Matcher)
                {
                    if (pattern.IsMatch(normalized))
                    {
                        Assert.True(candidates[number], $"{rule.Id} pattern {number} matched \"{text}\" but was not a candidate");
                        checkedMatches++;
                    }
                    number++;
                }
            }
        }
        Assert.True(checkedMatches > 500);
    }
}
