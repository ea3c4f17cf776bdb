using Microsoft.AspNetCore.Http;
using System.Net;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Protocol.Connector;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace HelplineBot.IntegrationTests.Protocol;

public sealed class ConnectorResilienceTests
{
    [Fact]
    public async Task CircuitOpensOnRepeatedFailure_CallsStopReachingTheChannelAndTheBotKeepsAnswering()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.FailAlways(StatusCodes.Status500InternalServerError);
        await using var app = new HelplineBotApp(new Dictionary<string, string?>
        {
            ["Connector:MaxRetries"] = "1",
            ["Connector:RetryDelay"] = "00:00:00.010",
            ["Connector:CircuitBreakerMinimumThroughput"] = "2",
            ["Connector:CircuitBreakerBreakDuration"] = "00:01:00",
        });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var client = app.Services.GetRequiredService<ConnectorClient>();
        Activity Reply() => new()
        {
            Type = ActivityTypes.Message, ChannelId = "emulator", ServiceUrl = connector.ServiceUrl, Text = "hello",
            Conversation = new ConversationAccount { Id = BotMessages.NewConversationId() },
        };

        var first = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Reply(), CancellationToken.None).WaitAsync(BotMessages.Timeout));
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(2, connector.Calls.Count);

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.SendAsync(Reply(), CancellationToken.None).WaitAsync(BotMessages.Timeout));
        Assert.Equal(2, connector.Calls.Count);

        // The channel's request is still answered: the failed reply is logged, not thrown at the channel.
        using var response = await http.PostAsync(BotMessages.Message(BotMessages.NewConversationId(), connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, connector.Calls.Count);
    }

    [Fact]
    public async Task NotFound_IsNotRetried()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.Enqueue(StatusCodes.Status404NotFound);
        await using var app = new HelplineBotApp(new Dictionary<string, string?> { ["Connector:RetryDelay"] = "00:00:00.010" });
        var client = app.Services.GetRequiredService<ConnectorClient>();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new Activity
        {
            Type = ActivityTypes.Message, ChannelId = "emulator", ServiceUrl = connector.ServiceUrl, Text = "hello",
            Conversation = new ConversationAccount { Id = "c1" },
        }, CancellationToken.None).WaitAsync(BotMessages.Timeout));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task UpdateDeleteAndCreateConversation_UseTheConnectorPaths()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp();
        var client = app.Services.GetRequiredService<ConnectorClient>();
        const string conversation = "19:meeting_abc@thread.v2";

        await client.UpdateActivityAsync(new Activity
        {
            Type = ActivityTypes.Message, Id = "1700000000123", ServiceUrl = connector.ServiceUrl, Text = "edited",
            Conversation = new ConversationAccount { Id = conversation },
        }, CancellationToken.None).WaitAsync(BotMessages.Timeout);
        await client.DeleteActivityAsync(connector.ServiceUrl, conversation, "1700000000123", CancellationToken.None).WaitAsync(BotMessages.Timeout);
        var created = await client.CreateConversationAsync(connector.ServiceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:advisor" }],
            TenantId = "tenant",
        }, CancellationToken.None).WaitAsync(BotMessages.Timeout);

        var calls = connector.Calls;
        Assert.Equal(("PUT", "/amer/v3/conversations/19%3Ameeting_abc%40thread.v2/activities/1700000000123"), (calls[0].Method, calls[0].RawTarget));
        Assert.Equal(("DELETE", "/amer/v3/conversations/19%3Ameeting_abc%40thread.v2/activities/1700000000123"), (calls[1].Method, calls[1].RawTarget));
        Assert.Equal(("POST", "/amer/v3/conversations"), (calls[2].Method, calls[2].RawTarget));
        Assert.Equal("29:advisor", calls[2].Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.StartsWith("reply-", created.Id);
    }
}
