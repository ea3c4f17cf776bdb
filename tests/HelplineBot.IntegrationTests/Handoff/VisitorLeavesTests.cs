using System.Net;
using System.Text.Json.Nodes;
using HelplineBot.Handoff;
using HelplineBot.Handoff.Accounts;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Protocol;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// People who leave without saying so: a Direct Line visitor whose stream closes leaves the line after
/// Handoff:AbandonAfter (on a fake clock, so no test waits for it), one who comes back in time keeps their place,
/// and on Bot Connector channels only being removed from the conversation counts.
/// </summary>
public class VisitorLeavesTests
{
    private static readonly TimeSpan Timeout = HandoffHarness.Timeout;
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CheckEvery = AbsentVisitors.CheckEvery(new HandoffOptions { AbandonAfter = Grace });
    private const string LeftTheLine = "no longer in line for an advisor";

    private static HelplineBotApp StartApp(FakeTimeProvider clock) => new(
        new Dictionary<string, string?> { ["Handoff:AbandonAfter"] = "00:01:00" },
        services =>
        {
            services.AddSingleton<ITurnHandler, HandoffTestHandler>();
            services.AddSingleton<TimeProvider>(clock);
        });

    private static async Task<HubConnection> AdvisorAsync(HelplineBotApp app, string name, string role = AdvisorRoles.Advisor)
    {
        var account = await HandoffHarness.CreateAdvisorAsync(app, name, role);
        return await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, account.UserName));
    }

    private static Task<T> Next<T>(HubConnection hub, string method, Func<T, bool> match)
    {
        var received = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? registration = null;
        registration = hub.On<T>(method, value =>
        {
            if (!match(value)) return;
            received.TrySetResult(value);
            registration?.Dispose();
        });
        return received.Task.WaitAsync(Timeout);
    }

    private static async Task<HandoffEntry> OpenEntryAsync(HelplineBotApp app, string channelId, string conversationId) =>
        await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync(channelId, conversationId, CancellationToken.None)
        ?? throw new InvalidOperationException("Not queued.");

    private static Task<IReadOnlyList<StoredTransition>> TransitionsAsync(HelplineBotApp app, string handoffId) =>
        app.Services.GetRequiredService<HandoffStore>().ReadTransitionsAsync(handoffId, CancellationToken.None);

    [Fact]
    public async Task AQueuedVisitorWhoClosesTheChatLeavesTheLineAfterTheGracePeriod()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = StartApp(clock);
        await using var advisor = await AdvisorAsync(app, "Sam Lee");
        await using var visitor = await Visitor.StartAsync(app);
        var stream = await visitor.OpenStreamAsync();
        await visitor.SayAsync("a person please");
        await visitor.WaitForTextAsync("connecting you with an advisor");
        var entry = await OpenEntryAsync(app, "directline", visitor.ConversationId);
        var queueWithoutThem = Next<IReadOnlyList<HandoffEntry>>(advisor, nameof(IAdvisorClient.QueueChanged), open => open.All(e => e.Id != entry.Id));

        await stream.DisposeAsync();
        var closedAt = clock.GetUtcNow();
        clock.Advance(Grace + CheckEvery);

        var told = await visitor.WaitForTextAsync(LeftTheLine);
        await queueWithoutThem;
        Assert.Equal("advisor", Assert.Single(told.SuggestedActions!.Actions!).Value!.Value.GetString());
        var last = (await TransitionsAsync(app, entry.Id))[^1];
        Assert.Equal((HandoffState.Queued, HandoffState.Abandoned, Actor.System), (last.From, last.To, last.Actor));
        Assert.InRange(last.At, closedAt + Grace, closedAt + Grace + CheckEvery);
    }

    [Fact]
    public async Task AVisitorWhoReconnectsWithinTheGracePeriodKeepsTheirPlace()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = StartApp(clock);
        await using var advisor = await AdvisorAsync(app, "Sam Lee");
        await using var stays = await Visitor.StartAsync(app);
        await using var leaves = await Visitor.StartAsync(app);
        var staysStream = await stays.OpenStreamAsync();
        var leavesStream = await leaves.OpenStreamAsync();
        await stays.SayAsync("a person please");
        await stays.WaitForTextAsync("You're next in line");
        await leaves.SayAsync("a person please");
        await leaves.WaitForTextAsync("You're number 2 in line");
        var before = await OpenEntryAsync(app, "directline", stays.ConversationId);

        // Both tabs drop (a train tunnel); one person reloads the page within the grace period, the other never comes back.
        await staysStream.DisposeAsync();
        await leavesStream.DisposeAsync();
        clock.Advance(Grace / 2);
        await using var reloaded = await stays.OpenStreamAsync();
        clock.Advance(Grace / 2 + CheckEvery);
        await leaves.WaitForTextAsync(LeftTheLine);
        // The end of a whole round after the grace period: the person who came back was judged in it too.
        var roundDone = Next<IReadOnlyList<string>>(advisor, nameof(IAdvisorClient.VisitorsSeemGone), _ => true);
        clock.Advance(CheckEvery);
        await roundDone;

        var after = await OpenEntryAsync(app, "directline", stays.ConversationId);
        Assert.Equal(HandoffState.Queued, after.State);
        Assert.Equal(before.QueuedAt, after.QueuedAt);
        Assert.Equal(1, await app.Services.GetRequiredService<HandoffQueue>().PositionAsync(after, CancellationToken.None));
        Assert.Equal([HandoffState.Queued], (await TransitionsAsync(app, before.Id)).Select(t => t.To));
    }

    [Fact]
    public async Task AChatWithAnAdvisorIsNotClosedButTheAdvisorSeesThePersonSeemsToHaveLeft()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = StartApp(clock);
        await using var advisor = await AdvisorAsync(app, "Sam Lee");
        await using var visitor = await Visitor.StartAsync(app);
        var stream = await visitor.OpenStreamAsync();
        await visitor.SayAsync("a person please");
        await visitor.WaitForTextAsync("connecting you with an advisor");
        var entry = await OpenEntryAsync(app, "directline", visitor.ConversationId);
        Assert.True((await advisor.InvokeAsync<AcceptResult>("Accept", entry.Id).WaitAsync(Timeout)).Won);

        var seemsGone = Next<IReadOnlyList<string>>(advisor, nameof(IAdvisorClient.VisitorsSeemGone), ids => ids.Contains(entry.Id));
        await stream.DisposeAsync();
        clock.Advance(Grace + CheckEvery);
        await seemsGone;
        Assert.Equal(HandoffState.Active, (await OpenEntryAsync(app, "directline", visitor.ConversationId)).State);

        var back = Next<IReadOnlyList<string>>(advisor, nameof(IAdvisorClient.VisitorsSeemGone), ids => !ids.Contains(entry.Id));
        await using var reloaded = await visitor.OpenStreamAsync();
        clock.Advance(CheckEvery);
        await back;
        Assert.Equal(HandoffState.Active, (await OpenEntryAsync(app, "directline", visitor.ConversationId)).State);
    }

    [Fact]
    public async Task APersonInCrisisWhoLeavesIsAnnouncedAndStaysOnTheSupervisorsFollowUpList()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = StartApp(clock);
        await using var supervisor = await AdvisorAsync(app, "Ana Ruiz", AdvisorRoles.Supervisor);
        await using var visitor = await Visitor.StartAsync(app);
        var stream = await visitor.OpenStreamAsync();
        await visitor.SayAsync("I want to kill myself");
        await visitor.WaitForTextAsync("connecting you with an advisor");
        var entry = await OpenEntryAsync(app, "directline", visitor.ConversationId);
        var leftAlert = Next<HandoffEntry>(supervisor, nameof(IAdvisorClient.CrisisAlert), e => e.State == HandoffState.Abandoned);

        await stream.DisposeAsync();
        clock.Advance(Grace + CheckEvery);

        Assert.Equal(entry.Id, (await leftAlert).Id);
        Assert.Contains("988", (await visitor.WaitForTextAsync(LeftTheLine)).Text, StringComparison.Ordinal);
        var view = await supervisor.InvokeAsync<SupervisorView>("GetSupervisorView").WaitAsync(Timeout);
        Assert.Equal((0, 1, 1), (view.Figures.QueueLength, view.Figures.LeftToday, view.Figures.CrisisLeftToday));
        Assert.Equal(entry.Id, Assert.Single(view.CrisisLeft).Id);
        var detail = await supervisor.InvokeAsync<HandoffDetail>("Open", entry.Id).WaitAsync(Timeout);
        Assert.Contains(detail.Messages, m => m.Sender == RelayedMessage.Visitor && m.Text == "I want to kill myself");
    }

    [Fact]
    public async Task OnABotConnectorChannelOnlyThePersonBeingRemovedEndsTheirWait()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = HandoffHarness.StartApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var conversation = BotMessages.NewConversationId();
        var ask = BotMessages.Message(conversation, connector.ServiceUrl, "a person please", channelId: ChannelIds.MsTeams);
        ask["conversation"]!["conversationType"] = "personal";
        using (var asked = await http.PostAsync(ask)) Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        await connector.WaitForCallAsync(call => call.ConversationHeader == conversation && call.Text.Contains("no advisor is available", StringComparison.Ordinal));
        var entry = await OpenEntryAsync(app, ChannelIds.MsTeams, conversation);

        using (var other = await http.PostAsync(MembersRemoved(conversation, connector.ServiceUrl, "29:colleague"))) Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HandoffState.Queued, (await app.Services.GetRequiredService<HandoffStore>().GetAsync(entry.Id, CancellationToken.None))!.State);

        using (var left = await http.PostAsync(MembersRemoved(conversation, connector.ServiceUrl, "29:visitor"))) Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var last = (await TransitionsAsync(app, entry.Id))[^1];
        Assert.Equal((HandoffState.Abandoned, Actor.Visitor), (last.To, last.Actor));
    }

    private static JsonObject MembersRemoved(string conversation, string serviceUrl, string memberId)
    {
        var update = BotMessages.Of(ActivityTypes.ConversationUpdate, conversation, serviceUrl, ChannelIds.MsTeams);
        update["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = memberId });
        return update;
    }
}
