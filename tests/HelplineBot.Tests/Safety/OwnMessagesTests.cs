using HelplineBot.Eval;
using HelplineBot.Safety;

namespace HelplineBot.Tests.Safety;

/// <summary>
/// Messages we wrote ourselves (never copied from the dev set) to check that the rules generalise; the figures
/// and the messages still missed are in docs/evaluation.md. A rule change that loses ground here fails the build.
/// </summary>
public class OwnMessagesTests
{
    [Fact]
    public async Task Screen_OwnLabelledMessages_MeetTheAims()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safety", "Data", "own-messages.jsonl");
        var messages = await SafetyEvaluation.ReadAsync(path, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var screen = SafetyRules.CreateScreen();

        var metrics = new SafetyMetrics(messages.Select(m => (m.Gold, screen.Screen(m.Text).Category)).ToList());

        Assert.True(messages.Count >= 150);
        Assert.True(metrics.CrisisRecall >= 0.95, $"crisis recall {metrics.CrisisRecall:F3}");
        Assert.True(metrics.HumanRequestRecall >= 0.95, $"human-request recall {metrics.HumanRequestRecall:F3}");
        Assert.True(metrics.FalsePositiveRate <= 0.03, $"false positives {metrics.FalsePositiveRate:F3}");
    }
}
