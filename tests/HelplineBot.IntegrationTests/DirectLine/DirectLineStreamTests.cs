using System.Net.WebSockets;
using HelplineBot.IntegrationTests.Support;

namespace HelplineBot.IntegrationTests.DirectLine;

/// <summary>The WebSocket stream read by a plain ClientWebSocket, frame by frame.</summary>
public sealed class DirectLineStreamTests(DirectLineAppFixture fixture) : IClassFixture<DirectLineAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task FirstStream_ReplaysTheGreetingSentBeforeItConnected()
    {
        using var api = fixture.Api();
        var (conversationId, _, streamUrl) = await StartAsync(api);

        await using var stream = await ActivityStreamClient.ConnectAsync(streamUrl);
        var set = await stream.ReceiveSetAsync(Wait);

        var greeting = Assert.Single(set["activities"]!.AsArray())!;
        Assert.Equal($"{conversationId}|0000001", greeting["id"]!.GetValue<string>());
        Assert.Contains("988", greeting["text"]!.GetValue<string>());
        Assert.Equal("1", set["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_AfterClientKeepAlives_PushesEchoAndReplyLive()
    {
        using var api = fixture.Api();
        var (conversationId, token, streamUrl) = await StartAsync(api);
        await using var stream = await ActivityStreamClient.ConnectAsync(streamUrl);
        await stream.ReceiveActivitiesAsync(1, Wait);

        await stream.SendKeepAliveAsync();
        await stream.SendKeepAliveAsync();
        var postedId = await api.PostMessageAsync(conversationId, token, "hello");
        var (activities, watermark) = await stream.ReceiveActivitiesAsync(2, Wait);

        Assert.Equal(postedId, activities[0]["id"]!.GetValue<string>());
        Assert.Equal(postedId, activities[1]["replyToId"]!.GetValue<string>());
        Assert.Equal("3", watermark);
        Assert.Equal(WebSocketState.Open, stream.State);
    }

    [Fact]
    public async Task Typing_IsPushedOnTheStreamButNeverLoggedNorWatermarked()
    {
        using var api = fixture.Api();
        var (conversationId, token, streamUrl) = await StartAsync(api);
        await using var stream = await ActivityStreamClient.ConnectAsync(streamUrl);
        await stream.ReceiveActivitiesAsync(1, Wait);

        using var posted = await api.PostActivityAsync(conversationId, token, new { type = "typing", from = new { id = "r_httptest" } });
        var pushed = await stream.ReceiveSetAsync(Wait);

        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("typing", Assert.Single(pushed["activities"]!.AsArray())!["type"]!.GetValue<string>());
        Assert.Equal("1", pushed["watermark"]?.GetValue<string>() ?? "1"); // typing does not move the watermark
        var log = await api.GetActivitiesAsync(conversationId, token);
        Assert.DoesNotContain(log.Activities, a => a["type"]!.GetValue<string>() == "typing");
        Assert.Equal("1", log.Watermark);
    }

    [Fact]
    public async Task Reconnect_WithWatermark_NewStreamCarriesExactlyWhatWasMissed()
    {
        using var api = fixture.Api();
        var (conversationId, token, streamUrl) = await StartAsync(api);
        string watermark;
        await using (var first = await ActivityStreamClient.ConnectAsync(streamUrl))
        {
            (_, watermark) = await first.ReceiveActivitiesAsync(1, Wait);
        }
        var missedId = await api.PostMessageAsync(conversationId, token, "sent while away");

        using var reconnect = await api.SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark={watermark}", token);
        var newStreamUrl = (await DirectLineApi.ReadJsonAsync(reconnect))["streamUrl"]!.GetValue<string>();
        await using var second = await ActivityStreamClient.ConnectAsync(newStreamUrl);
        var (missed, _) = await second.ReceiveActivitiesAsync(2, Wait);
        var liveId = await api.PostMessageAsync(conversationId, token, "after the reconnect");
        var (live, lastWatermark) = await second.ReceiveActivitiesAsync(2, Wait);

        Assert.Equal([missedId, $"{conversationId}|0000003"], missed.Select(a => a["id"]!.GetValue<string>()));
        Assert.Equal([liveId, $"{conversationId}|0000005"], live.Select(a => a["id"]!.GetValue<string>()));
        Assert.Equal("5", lastWatermark);
    }

    [Fact]
    public async Task Reconnect_WithoutWatermark_NewStreamCarriesOnlyWhatComesAfter()
    {
        using var api = fixture.Api();
        var (conversationId, token, _) = await StartAsync(api);

        using var reconnect = await api.SendAsync(HttpMethod.Get, $"conversations/{conversationId}", token);
        var streamUrl = (await DirectLineApi.ReadJsonAsync(reconnect))["streamUrl"]!.GetValue<string>();
        await using var stream = await ActivityStreamClient.ConnectAsync(streamUrl);
        var postedId = await api.PostMessageAsync(conversationId, token, "hello");
        var (activities, _) = await stream.ReceiveActivitiesAsync(2, Wait);

        Assert.Equal(postedId, activities[0]["id"]!.GetValue<string>()); // the greeting is not replayed
    }

    [Fact]
    public async Task Stream_WithBadCredential_IsRefusedWith403()
    {
        using var api = fixture.Api();
        var (conversationId, _, streamUrl) = await StartAsync(api);
        var withoutToken = streamUrl[..streamUrl.IndexOf("t=", StringComparison.Ordinal)];

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await ActivityStreamClient.StatusOfConnectAsync(withoutToken));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await ActivityStreamClient.StatusOfConnectAsync(withoutToken + "t=forged"));
        Assert.Contains(conversationId, streamUrl);
    }

    private static async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(DirectLineApi api)
    {
        var issued = await api.GenerateTokenAsync();
        using var response = await api.SendAsync(HttpMethod.Post, "conversations", issued.Token);
        var body = await DirectLineApi.ReadJsonAsync(response);
        return (issued.ConversationId, body["token"]!.GetValue<string>(), body["streamUrl"]!.GetValue<string>());
    }
}
