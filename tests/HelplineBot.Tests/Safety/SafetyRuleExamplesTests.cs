using HelplineBot.Safety;

namespace HelplineBot.Tests.Safety;

/// <summary>
/// Every example and counter-example written next to a rule or guard in knowledge/safety runs through the whole
/// screen, so a content editor who adds a rule also adds the proof that it works (and does not over-reach).
/// </summary>
public class SafetyRuleExamplesTests
{
    private static readonly SafetyScreen Screen = SafetyRules.CreateScreen();

    public static TheoryData<string, string> RuleExamples() =>
        Rows(SafetyRules.RuleSet.Rules.SelectMany(r => r.Examples.Select(e => (r.Id, e))));

    public static TheoryData<string, string> RuleCounterExamples() =>
        Rows(SafetyRules.RuleSet.Rules.SelectMany(r => r.CounterExamples.Select(e => (r.Id, e))));

    public static TheoryData<string, string> GuardExamples() =>
        Rows(SafetyRules.RuleSet.Guards.SelectMany(g => g.Examples.Select(e => (g.Id, e))));

    public static TheoryData<string, string> GuardCounterExamples() =>
        Rows(SafetyRules.RuleSet.Guards.SelectMany(g => g.CounterExamples.Select(e => (g.Id, e))));

    [Theory]
    [MemberData(nameof(RuleExamples))]
    public void Screen_RuleExample_ReturnsTheRuleCategoryWithTheRuleAsEvidence(string ruleId, string message)
    {
        var rule = SafetyRules.RuleSet.Rules.Single(r => r.Id == ruleId);

        var verdict = Screen.Screen(message);

        Assert.Equal(rule.Category, verdict.Category);
        Assert.Contains(verdict.Evidence, e => e.RuleId == ruleId && e.Counts);
    }

    [Theory]
    [MemberData(nameof(RuleCounterExamples))]
    public void Screen_RuleCounterExample_DoesNotReturnTheRuleCategory(string ruleId, string message)
    {
        var rule = SafetyRules.RuleSet.Rules.Single(r => r.Id == ruleId);

        var verdict = Screen.Screen(message);

        Assert.NotEqual(rule.Category, verdict.Category);
    }

    [Theory]
    [MemberData(nameof(GuardExamples))]
    public void Screen_GuardExample_ReturnsNone(string guardId, string message)
    {
        var verdict = Screen.Screen(message);

        Assert.Equal(SafetyCategory.None, verdict.Category);
        Assert.Contains(verdict.Evidence, e => e.SetAsideBy == guardId);
    }

    [Theory]
    [MemberData(nameof(GuardCounterExamples))]
    public void Screen_GuardCounterExample_IsStillFlagged(string guardId, string message)
    {
        _ = guardId;

        var verdict = Screen.Screen(message);

        Assert.NotEqual(SafetyCategory.None, verdict.Category);
    }

    [Fact]
    public void RuleFiles_EveryCategory_HasRulesWithExamples()
    {
        var categories = SafetyRules.RuleSet.Rules.Where(r => r.Examples.Count > 0).Select(r => r.Category).ToHashSet();

        Assert.Equal(Enum.GetValues<SafetyCategory>().Where(c => c != SafetyCategory.None).ToHashSet(), categories);
    }

    private static TheoryData<string, string> Rows(IEnumerable<(string Id, string Message)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, message) in rows) data.Add(id, message);
        return data;
    }
}
