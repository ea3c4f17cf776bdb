using HelplineBot.Dialogs.Seams;
using HelplineBot.Handoff;
using Microsoft.Extensions.DependencyInjection;

using DialogReason = HelplineBot.Dialogs.Seams.HandoffReason;

namespace HelplineBot.IntegrationTests.Handoff;

public class QueuedHandoffRequestsTests
{
    [Fact]
    public async Task DialogsRequestForAPerson_QueuesTheConversationWithTheBotsAnswers()
    {
        await using var app = new HelplineBotApp();
        var requests = app.Services.GetRequiredService<IHandoffRequests>();
        var store = app.Services.GetRequiredService<HandoffStore>();
        var answers = new Dictionary<string, string> { ["self-check.frequency"] = "daily" };

        var receipt = await requests.RequestAsync(new HandoffRequest("directline/conv-1", "act-1", DialogReason.Crisis, "self-check", answers), CancellationToken.None);

        Assert.IsType<QueuedHandoffRequests>(requests);
        Assert.Contains("988", receipt.Text, StringComparison.Ordinal);
        var entry = await store.FindOpenAsync("directline", "conv-1", CancellationToken.None);
        Assert.NotNull(entry);
        Assert.True(entry.IsCrisis);
        Assert.Equal("daily", entry.Context.Answers["self-check.frequency"]);
        Assert.Equal(["self-check"], entry.Context.Topics);
        Assert.True(await requests.IsUnderWayAsync("directline/conv-1", CancellationToken.None));
        Assert.False(await requests.IsUnderWayAsync("directline/conv-2", CancellationToken.None));
    }
}
