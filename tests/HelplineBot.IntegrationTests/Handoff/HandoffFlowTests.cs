using System.Net;
using System.Net.Http.Headers;
using HelplineBot.Handoff;
using HelplineBot.Handoff.Accounts;
using HelplineBot.Hosting;
using HelplineBot.Turns;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Handoff;

public class HandoffFlowTests
{
    private static readonly TimeSpan Timeout = HandoffHarness.Timeout;

    private static Task<T> Next<T>(HubConnection hub, string method, Func<T, bool>? match = null)
    {
        var received = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? registration = null;
        registration = hub.On<T>(method, value =>
        {
            if (match is null || match(value)) { received.TrySetResult(value); registration?.Dispose(); }
        });
        return received.Task.WaitAsync(Timeout);
    }

    [Fact]
    public async Task CrisisReachesTheAdvisorWhoChatsLiveAndHandsThePersonBackToTheBot()
    {
        await using var app = HandoffHarness.StartApp();
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        await using var advisor = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        await using var visitor = await Visitor.StartAsync(app);

        var alert = Next<HandoffEntry>(advisor, nameof(IAdvisorClient.CrisisAlert));
        await visitor.SayAsync("I want to kill myself");
        var crisisReply = await visitor.WaitForAsync(a => a.Type == "message" && a.Importance == "high");
        await visitor.WaitForTextAsync("connecting you with an advisor");
        var entry = await alert;
        Assert.True(entry.IsCrisis);
        Assert.NotEmpty(entry.Context.SafetyEvidence);
        Assert.StartsWith("crisis_", entry.CrisisCategory, StringComparison.Ordinal);

        var accepted = await advisor.InvokeAsync<AcceptResult>("Accept", entry.Id).WaitAsync(Timeout);
        Assert.True(accepted.Won);
        await visitor.WaitForTextAsync("Sam, an advisor, has joined");
        var detail = await advisor.InvokeAsync<HandoffDetail>("Open", entry.Id).WaitAsync(Timeout);
        Assert.Contains(detail.Messages, m => m.Sender == RelayedMessage.Visitor && m.Text == "I want to kill myself");
        Assert.Contains(detail.Messages, m => m.Sender == RelayedMessage.Bot && m.Text == crisisReply.Text);

        var typing = visitor.WaitForAsync(a => a.Type == "typing");
        Assert.True(await advisor.InvokeAsync<bool>("Typing", entry.Id).WaitAsync(Timeout));
        await typing;
        Assert.True(await advisor.InvokeAsync<bool>("Send", entry.Id, "I'm here with you. Are you safe right now?").WaitAsync(Timeout));
        var fromAdvisor = await visitor.WaitForTextAsync("I'm here with you");
        Assert.StartsWith("**Sam** (advisor):", fromAdvisor.Text, StringComparison.Ordinal);

        var inChat = Next<HandoffEntry>(advisor, nameof(IAdvisorClient.CrisisAlert));
        await visitor.SayAsync("I still want to kill myself");
        Assert.Equal(HandoffState.Active, (await inChat).State);

        var relayed = new TaskCompletionSource<(string, RelayedMessage)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (advisor.On<string, RelayedMessage>(nameof(IAdvisorClient.Message), (id, m) => { if (m.Sender == RelayedMessage.Visitor) relayed.TrySetResult((id, m)); }))
        {
            await visitor.SayAsync("yes, at home");
            var (handoffId, message) = await relayed.Task.WaitAsync(Timeout);
            Assert.Equal(entry.Id, handoffId);
            Assert.Equal("yes, at home", message.Text);
        }

        Assert.True(await advisor.InvokeAsync<bool>("End", entry.Id).WaitAsync(Timeout));
        var left = await visitor.WaitForTextAsync("has left the chat");
        Assert.Equal(3, left.SuggestedActions!.Actions!.Count);
        await visitor.SayAsync(left.SuggestedActions.Actions[0].Title!);
        await visitor.WaitForTextAsync("Thank you for telling us");

        await visitor.SayAsync("what is detox like");
        await visitor.WaitForTextAsync(HandoffTestHandler.BotPrefix + "what is detox like");
        var transitions = await app.Services.GetRequiredService<HandoffStore>().ReadTransitionsAsync(entry.Id, CancellationToken.None);
        Assert.Equal([HandoffState.Queued, HandoffState.Assigned, HandoffState.Active, HandoffState.Ended], transitions.Select(t => t.To));
    }

    [Fact]
    public async Task AWaitingPersonHearsTheirPlaceInLineEveryThirtySeconds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HelplineBotApp(services: services =>
        {
            services.AddSingleton<ITurnHandler, HandoffTestHandler>();
            services.AddSingleton<TimeProvider>(clock);
        });
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        await using var advisor = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        await using var first = await Visitor.StartAsync(app);
        await using var second = await Visitor.StartAsync(app);
        await first.SayAsync("a person please");
        await first.WaitForTextAsync("You're next in line");
        await second.SayAsync("a person please");
        var connecting = await second.WaitForTextAsync("You're number 2 in line");
        Assert.Contains("can't estimate the wait", connecting.Text, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(30));

        var update = await first.WaitForTextAsync("still in line for an advisor and I'm here with you. You're next in line");
        Assert.Contains(update.SuggestedActions!.Actions!, a => a.Type == "call" && a.Value!.Value.GetString() == "tel:988");
        await second.WaitForTextAsync("You're number 2 in line");
    }

    [Fact]
    public async Task TwoAdvisorsAcceptingTogetherOnlyOneWins()
    {
        await using var app = HandoffHarness.StartApp();
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        await HandoffHarness.CreateAdvisorAsync(app, "Kim Park");
        await using var sam = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        await using var kim = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "kim.park"));
        await using var visitor = await Visitor.StartAsync(app);
        await visitor.SayAsync("can I talk to a person");
        await visitor.WaitForTextAsync("connecting you");
        var id = (await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync("directline", visitor.ConversationId, CancellationToken.None))!.Id;

        var results = await Task.WhenAll(
            sam.InvokeAsync<AcceptResult>("Accept", id),
            kim.InvokeAsync<AcceptResult>("Accept", id)).WaitAsync(Timeout);

        Assert.Single(results, r => r.Won);
        Assert.Single(results, r => !r.Won);
        await visitor.WaitForTextAsync("has joined the chat");
        var winner = results.Single(r => r.Won).Entry!;
        var loser = results[0].Won ? kim : sam;
        Assert.False(await loser.InvokeAsync<bool>("Send", id, "me too").WaitAsync(Timeout));
        Assert.Equal(winner.AdvisorName, (await app.Services.GetRequiredService<HandoffStore>().GetAsync(id, CancellationToken.None))!.AdvisorName);
    }

    [Fact]
    public async Task AnAdvisorTransfersTheChatToAColleagueWhoTakesItOver()
    {
        await using var app = HandoffHarness.StartApp();
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        var kimAccount = await HandoffHarness.CreateAdvisorAsync(app, "Kim Park");
        await using var sam = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        await using var kim = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "kim.park"));
        await using var visitor = await Visitor.StartAsync(app);
        await visitor.SayAsync("a person please");
        await visitor.WaitForTextAsync("connecting you");
        var id = (await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync("directline", visitor.ConversationId, CancellationToken.None))!.Id;
        await sam.InvokeAsync<AcceptResult>("Accept", id).WaitAsync(Timeout);

        Assert.False(await kim.InvokeAsync<bool>("Transfer", id, (string?)null).WaitAsync(Timeout));
        Assert.True(await sam.InvokeAsync<bool>("Transfer", id, kimAccount.Id).WaitAsync(Timeout));
        await visitor.WaitForTextAsync("passing you to a colleague");
        Assert.False(await sam.InvokeAsync<bool>("Send", id, "still me").WaitAsync(Timeout));
        Assert.True((await kim.InvokeAsync<AcceptResult>("Accept", id).WaitAsync(Timeout)).Won);
        Assert.True(await kim.InvokeAsync<bool>("Send", id, "Hi, I'm taking over.").WaitAsync(Timeout));

        await visitor.WaitForTextAsync("**Kim** (advisor): Hi, I'm taking over.");
        var moves = await app.Services.GetRequiredService<HandoffStore>().ReadTransitionsAsync(id, CancellationToken.None);
        Assert.Equal(
            [HandoffState.Queued, HandoffState.Assigned, HandoffState.Active, HandoffState.Transferred, HandoffState.Assigned, HandoffState.Active],
            moves.Select(m => m.To));
    }

    [Fact]
    public async Task AllAdvisorsAwayThePersonIsToldHonestly()
    {
        await using var app = HandoffHarness.StartApp();
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        await using var sam = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        Assert.True(await sam.InvokeAsync<bool>("SetPresence", "away").WaitAsync(Timeout));
        await using var visitor = await Visitor.StartAsync(app);

        await visitor.SayAsync("a person please");

        var honest = await visitor.WaitForTextAsync("no advisor is available");
        Assert.Contains("call you back", honest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuedPersonStaysQueuedAcrossARestartAndTheConsoleShowsThemAgain()
    {
        string conversationId;
        string dataFolder;
        System.Net.CookieContainer cookies;
        await using (var first = HandoffHarness.StartApp())
        {
            dataFolder = first.DataFolder;
            await HandoffHarness.CreateAdvisorAsync(first, "Sam Lee");
            cookies = await HandoffHarness.SignInAsync(first, "sam.lee");
            await using var visitor = await Visitor.StartAsync(first);
            await visitor.SayAsync("I need a person please");
            await visitor.WaitForTextAsync("no advisor is available");
            conversationId = visitor.ConversationId;
        }

        // The advisor's sign-in from before the restart still holds: the keys live in the data folder.
        await using var second = HandoffHarness.StartApp(dataFolder: dataFolder);
        await using var advisor = await HandoffHarness.ConnectAdvisorAsync(second, RebasedCookies(cookies, second));
        var state = await advisor.InvokeAsync<ConsoleState>("GetState").WaitAsync(Timeout);

        var entry = Assert.Single(state.Queue);
        Assert.Equal(conversationId, entry.Visitor.ConversationId);
        Assert.Equal(HandoffState.Queued, entry.State);
        Assert.True((await advisor.InvokeAsync<AcceptResult>("Accept", entry.Id).WaitAsync(Timeout)).Won);
    }

    // The new instance listens on another port; cookies are per host and path, not per port.
    private static System.Net.CookieContainer RebasedCookies(System.Net.CookieContainer cookies, HelplineBotApp app)
    {
        var rebased = new System.Net.CookieContainer();
        foreach (System.Net.Cookie cookie in cookies.GetAllCookies()) rebased.Add(new Uri(app.BaseAddress, cookie.Path), new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path));
        return rebased;
    }

    [Fact]
    public async Task OutOfHoursTheBotSaysSoGivesCrisisNumbersAndStoresACallback()
    {
        // Open for one hour starting two hours from now, in the helpline's time zone: closed now.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(new HelplineOptions().TimeZone);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var opens = local.AddHours(2);
        await using var app = HandoffHarness.StartApp(new Dictionary<string, string?>
        {
            ["Handoff:OpenFrom"] = opens.ToString("HH:00"),
            ["Handoff:OpenUntil"] = opens.AddHours(1).ToString("HH:00"),
        });
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        await using var advisor = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        await using var visitor = await Visitor.StartAsync(app);

        await visitor.SayAsync("can a person help me");
        var honest = await visitor.WaitForTextAsync("not on the chat right now");
        Assert.Contains("988", honest.Text, StringComparison.Ordinal);
        Assert.Contains("phone number", honest.Text, StringComparison.Ordinal);
        await visitor.SayAsync("please call 555-201-7788");
        await visitor.WaitForTextAsync("call you back");

        var callback = Assert.Single(await app.Services.GetRequiredService<HandoffStore>().ListCallbacksAsync(CancellationToken.None));
        Assert.Equal("555-201-7788", callback.CallbackPhone);
        Assert.Equal(visitor.ConversationId, callback.Visitor.ConversationId);
    }

    [Fact]
    public async Task AVisitorsTokenCannotReadAnotherVisitorsConversation()
    {
        await using var app = HandoffHarness.StartApp();
        await using var alice = await Visitor.StartAsync(app);
        await using var bob = await Visitor.StartAsync(app);
        await bob.SayAsync("I need a person, this is private");
        await bob.WaitForTextAsync("no advisor is available");

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", alice.Token);
        using var read = await http.GetAsync($"/v3/directline/conversations/{bob.ConversationId}/activities").WaitAsync(Timeout);
        using var reconnect = await http.GetAsync($"/v3/directline/conversations/{bob.ConversationId}").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.DoesNotContain("private", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisorSeesFiguresServiceLevelsAndTheAuditOfWhoViewedAndWrote()
    {
        await using var app = HandoffHarness.StartApp();
        await HandoffHarness.CreateAdvisorAsync(app, "Sam Lee");
        await HandoffHarness.CreateAdvisorAsync(app, "Ana Ruiz", AdvisorRoles.Supervisor);
        await using var sam = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "sam.lee"));
        await using var ana = await HandoffHarness.ConnectAdvisorAsync(app, await HandoffHarness.SignInAsync(app, "ana.ruiz"));
        await using var visitor = await Visitor.StartAsync(app);
        await visitor.SayAsync("I want to kill myself");
        await visitor.WaitForTextAsync("connecting you");
        var id = (await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync("directline", visitor.ConversationId, CancellationToken.None))!.Id;

        await sam.InvokeAsync<AcceptResult>("Accept", id).WaitAsync(Timeout);
        await sam.InvokeAsync<HandoffDetail>("Open", id).WaitAsync(Timeout);
        await sam.InvokeAsync<bool>("Send", id, "hello").WaitAsync(Timeout);
        var view = await ana.InvokeAsync<SupervisorView>("GetSupervisorView").WaitAsync(Timeout);

        Assert.Equal(1, view.Figures.ActiveChats);
        Assert.Equal(0, view.Figures.QueueLength);
        Assert.Equal(new ServiceLevelCount(1, 0), view.Figures.Crisis);
        Assert.NotNull(view.Figures.MedianFirstReply);
        Assert.Equal(["accept", "view", "write"], view.Audit.Where(a => a.HandoffId == id).OrderBy(a => a.At).ThenBy(a => a.Action).Select(a => a.Action));
        Assert.All(view.Audit, a => Assert.Equal("Sam Lee", a.AdvisorName));
    }
}
