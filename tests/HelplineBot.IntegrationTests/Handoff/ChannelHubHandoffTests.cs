using System.Text.Json;
using HelplineBot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// Handoff to a channel's own agent hub (issue 6 §6, protocol.md §7). The hub's status events are posted
/// here on the built-in Direct Line, which these tests list as a hub channel only to drive the protocol.
/// </summary>
public class ChannelHubHandoffTests
{
    private static HelplineBotApp StartApp() => HandoffHarness.StartApp(new Dictionary<string, string?>
    {
        ["Handoff:Mode"] = "ChannelHub",
        ["Handoff:HubChannels:0"] = "directline",
    });

    private static object Status(string state) => new { type = "event", name = "handoff.status", from = new { id = "hub" }, value = new { state } };

    [Fact]
    public async Task RequestSendsHandoffInitiateWithTheTranscriptThenActsOnAcceptedAndCompleted()
    {
        await using var app = StartApp();
        await using var visitor = await Visitor.StartAsync(app);
        var store = app.Services.GetRequiredService<HandoffStore>();

        await visitor.SayAsync("I'd like a person to talk to");
        var initiate = await visitor.WaitForAsync(a => a.Type == "event" && a.Name == ChannelHubHandoff.InitiateName);
        await visitor.WaitForTextAsync("connecting you with an advisor");

        Assert.Equal("person-requested", initiate.Value!.Value.GetProperty("reason").GetString());
        Assert.Equal("normal", initiate.Value.Value.GetProperty("priority").GetString());
        var transcript = Assert.Single(initiate.Attachments!);
        Assert.Equal(("application/json", "Transcript"), (transcript.ContentType, transcript.Name));
        var said = transcript.Content!.Value.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString());
        Assert.Contains("I'd like a person to talk to", said);

        await visitor.PostAsync(Status("accepted"));
        await visitor.SayAsync("hello, are you a real person?");
        await visitor.PostAsync(Status("completed"));
        await visitor.WaitForTextAsync("has left the chat");

        var entry = (await store.ListOpenAsync(CancellationToken.None)).SingleOrDefault();
        Assert.Null(entry);
        var id = initiate.Value.Value.GetProperty("handoffId").GetString()!;
        var transitions = await store.ReadTransitionsAsync(id, CancellationToken.None);
        Assert.Equal([HandoffState.Queued, HandoffState.Assigned, HandoffState.Active, HandoffState.Ended], transitions.Select(t => t.To));
        Assert.All(transitions.Skip(1), t => Assert.Equal("advisor:channel-hub", t.Actor));
        var messages = await app.Services.GetRequiredService<HandoffRecords>().ReadMessagesAsync(id, CancellationToken.None);
        Assert.Contains(messages, m => m.Text == "hello, are you a real person?");
    }

    [Fact]
    public async Task HubThatFailsLeavesThePersonInOurOwnQueueAndTellsThemHonestly()
    {
        await using var app = StartApp();
        await using var visitor = await Visitor.StartAsync(app);
        await visitor.SayAsync("a person please");
        await visitor.WaitForAsync(a => a.Type == "event" && a.Name == ChannelHubHandoff.InitiateName);

        await visitor.PostAsync(Status("failed"));

        var honest = await visitor.WaitForTextAsync("no advisor is available");
        Assert.Contains("988", honest.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await app.Services.GetRequiredService<HandoffStore>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(HandoffState.Queued, entry.State);
    }

    [Fact]
    public async Task StatusFromAChannelNotListedIsIgnored()
    {
        await using var app = HandoffHarness.StartApp(new Dictionary<string, string?> { ["Handoff:Mode"] = "ChannelHub" });
        await using var visitor = await Visitor.StartAsync(app);
        await visitor.SayAsync("a person please");
        await visitor.WaitForTextAsync("connecting you");

        await visitor.PostAsync(Status("completed"));
        await visitor.SayAsync("still there?");
        await visitor.WaitForTextAsync("saved for the advisor");

        var entry = Assert.Single(await app.Services.GetRequiredService<HandoffStore>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(HandoffState.Queued, entry.State);
    }
}
