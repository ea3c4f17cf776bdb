using System.Text.Json.Nodes;
using HelplineBot.Channels.Teams.Alerts;
using HelplineBot.Handoff;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Handoff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.IntegrationTests.TeamsAlerts;

/// <summary>
/// Advisor alerts in Teams (issue 7 §3): the real bot on loopback with its real pipeline, a person on
/// Direct Line, and a fake Bot Connector standing in for the tenant's Teams service URL.
/// </summary>
public sealed class TeamsAlertsTests : IAsyncLifetime
{
    private const string AlertConversation = "19:advisor-alerts@thread.tacv2";
    private const string ConsoleBase = "https://helpline.example.org/";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private FakeBotConnector _teams = null!;

    public async Task InitializeAsync() => _teams = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task CrisisQueued_PostsOneCardToTheAlertConversationWithTheReasonAndAConsoleLink()
    {
        await using var app = StartApp();
        await using var visitor = await Visitor.StartAsync(app);

        await visitor.SayAsync("I want to kill myself tonight");
        await visitor.WaitForAsync(a => a.Type == "message" && a.Importance == "high");
        var call = await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation, Timeout);
        var entry = await OpenEntryAsync(app, visitor);

        Assert.True(entry.IsCrisis);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(AlertConversation)}/activities", call.RawTarget);
        Assert.Equal("msteams", call.Body!["channelId"]!.GetValue<string>());
        var card = CardOf(call);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("attention", card["body"]![0]!["style"]!.GetValue<string>());
        Assert.Equal("Crisis: thoughts of suicide", Fact(card, "Reason"));
        Assert.Equal("less than a minute", Fact(card, "Waiting"));
        Assert.Equal(entry.Id, Fact(card, "Handoff"));
        var button = Assert.Single(card["actions"]!.AsArray());
        Assert.Equal("Action.OpenUrl", button!["type"]!.GetValue<string>());
        Assert.Equal($"{ConsoleBase}advisor/?handoff={entry.Id}", button["url"]!.GetValue<string>());

        // The poster works in order: once a later person's card has arrived, any repeat for the first would have too.
        await using var later = await Visitor.StartAsync(app);
        await later.SayAsync("I want to talk to a person");
        var laterEntry = await WaitForEntryAsync(app, later);
        await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation && Fact(CardOf(c), "Handoff") == laterEntry.Id, Timeout);
        Assert.Single(_teams.Calls, c => c.ConversationHeader == AlertConversation && Fact(CardOf(c), "Handoff") == entry.Id);
    }

    [Fact]
    public async Task PersonAskedFor_PostsACardSayingSoWithoutTheCrisisBadge()
    {
        await using var app = StartApp();
        await using var visitor = await Visitor.StartAsync(app);

        await visitor.SayAsync("I want to talk to a person");
        var call = await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation, Timeout);
        var entry = await OpenEntryAsync(app, visitor);

        var card = CardOf(call);
        Assert.False(entry.IsCrisis);
        Assert.Equal("Asked for a person", Fact(card, "Reason"));
        Assert.Equal(entry.Id, Fact(card, "Handoff"));
        Assert.Equal("emphasis", card["body"]![0]!["style"]!.GetValue<string>());
        Assert.DoesNotContain("CRISIS", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal($"{ConsoleBase}advisor/?handoff={entry.Id}", card["actions"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Card_CarriesNothingTheVisitorWrote()
    {
        const string phrase = "periwinkle-harbour-4417";
        await using var app = StartApp();
        await using var visitor = await Visitor.StartAsync(app);

        await visitor.SayAsync($"My name is Robin {phrase} and I want to kill myself tonight");
        await visitor.WaitForAsync(a => a.Type == "message" && a.Importance == "high");
        await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation, Timeout);
        var entry = await OpenEntryAsync(app, visitor);
        // A message while queued reaches the console; it must not reach Teams either.
        await visitor.SayAsync($"still here {phrase}");
        await using var later = await Visitor.StartAsync(app);
        await later.SayAsync("I want to talk to a person");
        var laterEntry = await WaitForEntryAsync(app, later);
        await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation && Fact(CardOf(c), "Handoff") == laterEntry.Id, Timeout);

        Assert.True(entry.IsCrisis);
        var sent = _teams.Calls.Where(c => c.ConversationHeader == AlertConversation).Select(c => c.Body!.ToJsonString()).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, body =>
        {
            Assert.DoesNotContain(phrase, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Robin", body, StringComparison.Ordinal);
            Assert.DoesNotContain("kill myself", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(visitor.ConversationId, body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Disabled_NothingIsPostedAndTheCrisisIsStillQueued()
    {
        await using var app = StartApp(enabled: false);
        await using var visitor = await Visitor.StartAsync(app);

        await visitor.SayAsync("I want to kill myself tonight");
        await visitor.WaitForAsync(a => a.Type == "message" && a.Importance == "high");
        var entry = await WaitForEntryAsync(app, visitor);

        Assert.True(entry.IsCrisis);
        // The listener decides during the turn: nothing was queued for posting, and nothing reached the service.
        Assert.Equal(0, app.Services.GetRequiredService<TeamsAlertQueue>().Reader.Count);
        Assert.Empty(_teams.Calls);
    }

    [Fact]
    public async Task ConnectorFailing_VisitorStillGetsTheCrisisReplyAndTheEntryIsQueuedAndLaterAlertsGoOut()
    {
        await using var app = StartApp(extra: new() { ["Connector:MaxRetries"] = "1", ["Connector:RetryDelay"] = "00:00:00.010" });
        _teams.Enqueue(503);
        _teams.Enqueue(503);
        await using var visitor = await Visitor.StartAsync(app);

        await visitor.SayAsync("I want to kill myself tonight");
        var reply = await visitor.WaitForAsync(a => a.Type == "message" && a.Importance == "high");
        var entry = await WaitForEntryAsync(app, visitor);
        // Both attempts (the call and its one retry) were made and refused.
        var refused = await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation, Timeout);
        await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation && c.ArrivedAt > refused.ArrivedAt, Timeout);

        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
        Assert.True(entry.IsCrisis);
        Assert.Equal(HandoffState.Queued, entry.State);
        // The poster survived the failure: the next person's alert is delivered.
        await using var later = await Visitor.StartAsync(app);
        await later.SayAsync("I want to talk to a person");
        var laterEntry = await WaitForEntryAsync(app, later);
        await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation && Fact(CardOf(c), "Handoff") == laterEntry.Id, Timeout);
        Assert.Equal(3, _teams.Calls.Count(c => c.ConversationHeader == AlertConversation));
    }

    [Fact]
    public async Task StillWaitingAfterRepeatAfter_PostsARepeatWithTheLongerWait()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = StartApp(clock: clock);
        await using var visitor = await Visitor.StartAsync(app);
        // Still there with the chat open through the wait; without a stream the person would leave the line (Handoff:AbandonAfter).
        await using var stream = await visitor.OpenStreamAsync();

        await visitor.SayAsync("I want to talk to a person");
        var first = await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation, Timeout);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30));
        var repeat = await _teams.WaitForCallAsync(c => c.ConversationHeader == AlertConversation && c.ArrivedAt > first.ArrivedAt, Timeout);

        var card = CardOf(repeat);
        Assert.Equal(Fact(CardOf(first), "Handoff"), Fact(card, "Handoff"));
        Assert.Equal("5 minutes", Fact(card, "Waiting"));
        Assert.StartsWith("Still waiting", card["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TeamsAlerts:ConversationId", "")]
    [InlineData("TeamsAlerts:ServiceUrl", "http://smba.example.net/amer/")]
    [InlineData("TeamsAlerts:ConsoleBaseUrl", "not a url")]
    [InlineData("TeamsAlerts:RepeatAfter", "00:00:10")]
    public void Enabled_WithABadSetting_RefusesToStart(string key, string value)
    {
        var error = Assert.ThrowsAny<Exception>(() => StartApp(extra: new() { [key] = value }));

        Assert.Contains(key, Flatten(error), StringComparison.Ordinal);
    }

    private HelplineBotApp StartApp(bool enabled = true, Dictionary<string, string?>? extra = null, FakeTimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TeamsAlerts:Enabled"] = enabled ? "true" : "false",
            ["TeamsAlerts:ServiceUrl"] = _teams.ServiceUrl,
            ["TeamsAlerts:ConversationId"] = AlertConversation,
            ["TeamsAlerts:ConsoleBaseUrl"] = ConsoleBase,
        };
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        return new HelplineBotApp(settings, services =>
        {
            services.AddSingleton<QueuedProbe>();
            services.AddSingleton<IHandoffListener>(provider => provider.GetRequiredService<QueuedProbe>());
            if (clock is not null) services.AddSingleton<TimeProvider>(clock);
        });
    }

    private static async Task<HandoffEntry> OpenEntryAsync(HelplineBotApp app, Visitor visitor) =>
        await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync("directline", visitor.ConversationId, CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException("The person is not queued.");

    private static async Task<HandoffEntry> WaitForEntryAsync(HelplineBotApp app, Visitor visitor)
    {
        await app.Services.GetRequiredService<QueuedProbe>().WaitForQueuedAsync(visitor.ConversationId, Timeout);
        return await OpenEntryAsync(app, visitor);
    }

    private static JsonObject CardOf(FakeBotConnector.Call call)
    {
        var attachment = Assert.Single(call.Body!["attachments"]!.AsArray());
        Assert.Equal(TeamsAlertCard.ContentType, attachment!["contentType"]!.GetValue<string>());
        return attachment["content"]!.AsObject();
    }

    private static string? Fact(JsonObject card, string title) =>
        card["body"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(b => b!["facts"]!.AsArray())
            .FirstOrDefault(f => f!["title"]!.GetValue<string>() == title)?["value"]!.GetValue<string>();

    private static string Flatten(Exception error) => error.InnerException is null ? error.Message : error.Message + " " + Flatten(error.InnerException);
}
