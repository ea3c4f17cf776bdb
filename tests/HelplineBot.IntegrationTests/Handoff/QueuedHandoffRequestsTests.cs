using HelplineBot.Dialogs.Seams;
using HelplineBot.Handoff;
using Microsoft.Extensions.DependencyInjection;

using DialogReason = HelplineBot.Dialogs.Seams.HandoffReason;

namespace HelplineBot.IntegrationTests.Handoff;

public class QueuedHandoffRequestsTests
{
    [Fact]
    public async Task DialogsCrisisRequest_CarriesTheEvidenceTheRelaySawForThatConversation()
    {
        await using var app = new HelplineBotApp();
        var directory = app.Services.GetRequiredService<VisitorDirectory>();
        var inbound = new HelplineBot.Protocol.Schema.Activity
        {
            Type = "message", ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/amer/",
            Conversation = new() { Id = "a:9" }, From = new() { Id = "29:u" }, Recipient = new() { Id = "28:b" },
        };
        directory.Remember(inbound, new VisitorScreening(true, "crisis_self_harm", ["self-harm: \"cut myself\""]));

        await app.Services.GetRequiredService<IHandoffRequests>().RequestAsync(
            new HandoffRequest("msteams/a:9", "act-9", DialogReason.Crisis, null, new Dictionary<string, string>()), CancellationToken.None);

        var entry = await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync("msteams", "a:9", CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal("crisis_self_harm", entry.CrisisCategory);
        Assert.Equal(["self-harm: \"cut myself\""], entry.Context.SafetyEvidence);
        Assert.Equal("https://smba.trafficmanager.net/amer/", entry.Visitor.ServiceUrl);
        Assert.Equal("28:b", entry.Visitor.BotId);
    }

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
