using HelplineBot.Safety;
using Xunit.Abstractions;

namespace HelplineBot.Tests.Safety;

public class DebugProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var rules = SafetyRules.RuleSet;
        foreach (var g in rules.Guards) output.WriteLine($"{g.Id}: {g.Matcher}");
        var v = SafetyRules.CreateScreen().Screen("are the advisors real people or volunteers?");
        foreach (var e in v.Evidence) output.WriteLine(e.ToString());
    }
}
