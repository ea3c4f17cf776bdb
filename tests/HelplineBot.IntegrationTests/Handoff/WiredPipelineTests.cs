using HelplineBot.Handoff;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>The handoff as the app composes it: the real safety screen, the ConversationRouter, the dialogs.</summary>
public class WiredPipelineTests
{
    private static HelplineBotApp StartApp() => new();

    [Fact]
    public async Task PersonAskedForThroughTheDialogs_IsQueuedAndThenRelayedToTheAdvisor()
    {
        await using var app = StartApp();
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        await using var advisor = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        await using var visitor = await Visitor.StartAsync(app);
        var store = app.Services.GetRequiredService<HandoffStore>();

        await visitor.SayAsync("I want to talk to a person");
        await visitor.WaitForTextAsync("connecting you with an advisor");

        var entry = await store.FindOpenAsync("directline", visitor.ConversationId, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.False(entry.IsCrisis);
        Assert.True((await advisor.InvokeAsync<AcceptResult>("Accept", entry.Id).WaitAsync(HandoffHarness.Timeout)).Won);
        await visitor.SayAsync("hello?");
        var detail = await advisor.InvokeAsync<HandoffDetail>("Open", entry.Id).WaitAsync(HandoffHarness.Timeout);
        Assert.Contains(detail.Messages, m => m.Sender == RelayedMessage.Visitor && m.Text == "hello?");
    }

    [Fact]
    public async Task CrisisThroughTheRealSafetyScreen_RepliesAtOnceAndQueuesWithPriorityAndEvidence()
    {
        await using var app = StartApp();
        await using var visitor = await Visitor.StartAsync(app);
        var store = app.Services.GetRequiredService<HandoffStore>();

        await visitor.SayAsync("I want to kill myself tonight");
        var first = await visitor.WaitForAsync(a => a.Type == "message" && a.Importance == "high");
        await visitor.WaitForTextAsync("no advisor is available");

        Assert.Contains("988", first.Text, StringComparison.Ordinal);
        var entry = await store.FindOpenAsync("directline", visitor.ConversationId, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.True(entry.IsCrisis);
        Assert.StartsWith("crisis_", entry.CrisisCategory, StringComparison.Ordinal);
        Assert.NotEmpty(entry.Context.SafetyEvidence);
    }
}
