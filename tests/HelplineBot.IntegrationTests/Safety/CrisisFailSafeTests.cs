using System.Net;
using System.Text.Json.Nodes;
using HelplineBot.Dialogs.Seams;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Protocol;
using HelplineBot.IntegrationTests.Support;
using HelplineBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Safety;

/// <summary>
/// Non-negotiable 1: a crisis reply with the right emergency resources goes out even when storage, the AI
/// service or the handoff queue are failing. Each fault is injected into the real app and the reply is
/// observed where the person would see it (the channel's Connector, or the Direct Line stream).
/// </summary>
public sealed class CrisisFailSafeTests
{
    private const string Suicidal = "i want to kill myself tonight";
    private const string Overdose = "my friend took K and won't wake up";

    [Fact]
    public async Task CrisisReplyIsSentWhenConversationStorageIsDown()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp(services: services =>
        {
            services.AddSingleton<IConversationStateStore, FailingStore>();
            services.AddSingleton<IAdvisorRequestStore, FailingStore>();
        });

        var reply = await SendAndWaitForCrisisReplyAsync(app, connector, Suicidal);

        Assert.Contains("988", reply);
    }

    [Fact]
    public async Task CrisisReplyIsSentWhenTheHandoffQueueFails()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp(services: services => services.AddSingleton<IHandoffRequests, FailingHandoffRequests>());

        var reply = await SendAndWaitForCrisisReplyAsync(app, connector, Overdose);

        Assert.Contains("911", reply);
    }

    [Fact]
    public async Task CrisisReplyIsSentWhenTheAiServiceIsUnreachable()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp(new Dictionary<string, string?>
        {
            // Nothing listens on port 1: every call to the AI service fails at once.
            ["AzureOpenAI:Endpoint"] = "http://127.0.0.1:1/",
            ["AzureOpenAI:Deployment"] = "gpt",
            ["AzureOpenAI:ApiKey"] = "test-key-not-a-secret",
        });

        var crisis = await SendAndWaitForCrisisReplyAsync(app, connector, Suicidal);
        Assert.Contains("988", crisis);

        // And a free-text question still gets the extractive answer, with its source, within the AI time budget.
        var conversation = BotMessages.NewConversationId();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.PostAsync(BotMessages.Message(conversation, connector.ServiceUrl, "what's CBT"));
        var answer = await connector.WaitForCallAsync(call => call.ConversationHeader == conversation && (call.Text?.Contains("From:") ?? false), BotMessages.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(answer);
    }

    [Fact]
    public async Task CrisisReplyReachesTheOpenWebChatStreamWhenTheDatabaseIsGone()
    {
        await using var app = new HelplineBotApp(new Dictionary<string, string?> { ["DirectLine:Secret"] = DirectLineApi.TestSecret });
        using var api = new DirectLineApi(app, DirectLineApi.TestSecret);
        var issued = await api.GenerateTokenAsync();
        using var started = await api.SendAsync(HttpMethod.Post, "conversations", issued.Token);
        var streamUrl = (await DirectLineApi.ReadJsonAsync(started))["streamUrl"]!.GetValue<string>();
        await using var stream = await ActivityStreamClient.ConnectAsync(streamUrl);
        await stream.ReceiveSetAsync(DirectLineApi.Timeout); // the welcome

        BreakTheDatabase(app.DataFolder);
        using var posted = await api.PostActivityAsync(issued.ConversationId, issued.Token, DirectLineApi.Message(Suicidal, DirectLineApi.NewClientActivityId()));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var texts = new List<string>();
        using var deadline = new CancellationTokenSource(DirectLineApi.Timeout);
        while (!texts.Any(t => t.Contains("988", StringComparison.Ordinal)))
        {
            var set = await stream.ReceiveSetAsync(DirectLineApi.Timeout).WaitAsync(deadline.Token);
            texts.AddRange(set["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>() ?? ""));
        }
        Assert.Contains(texts, t => t.Contains("988", StringComparison.Ordinal));
    }

    private static async Task<string> SendAndWaitForCrisisReplyAsync(HelplineBotApp app, FakeBotConnector connector, string text)
    {
        var conversation = BotMessages.NewConversationId();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.PostAsync(BotMessages.Message(conversation, connector.ServiceUrl, text));
        var reply = await connector.WaitForCallAsync(
            call => call.ConversationHeader == conversation && call.Body?["importance"]?.GetValue<string>() == "high", BotMessages.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return reply.Text ?? "";
    }

    // The SQLite file disappears and its folder becomes a file: every later open fails.
    private static void BreakTheDatabase(string dataFolder)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
        File.WriteAllText(dataFolder, "storage is down");
    }

    private sealed class FailingStore : IConversationStateStore, IAdvisorRequestStore
    {
        private static Exception Down() => new InvalidOperationException("storage is down (injected)");

        public Task<StoredConversationState?> ReadAsync(string conversationKey, CancellationToken cancellationToken) => throw Down();
        public Task<StateSaveResult> SaveAsync(string conversationKey, string stateJson, long expectedVersion, CancellationToken cancellationToken) => throw Down();
        public Task<bool> AddCallbackAsync(CallbackRequest request, CancellationToken cancellationToken) => throw Down();
        public Task<bool> AddAdvisorRequestAsync(AdvisorRequest request, CancellationToken cancellationToken) => throw Down();
        public Task<bool> HasOpenAdvisorRequestAsync(string conversationKey, DateTimeOffset since, CancellationToken cancellationToken) => throw Down();
        public Task RecordFeedbackAsync(string conversationKey, string activityId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken) => throw Down();
        public Task<IReadOnlyList<CallbackRequest>> ListOpenCallbacksAsync(CancellationToken cancellationToken) => throw Down();
    }

    private sealed class FailingHandoffRequests : IHandoffRequests
    {
        public Task<HandoffReceipt> RequestAsync(HandoffRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the queue is down (injected)");

        public Task<bool> IsUnderWayAsync(string conversationKey, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the queue is down (injected)");
    }
}
