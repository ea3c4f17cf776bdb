using System.Text.Json;
using HelplineBot.IntegrationTests.Support;

namespace HelplineBot.IntegrationTests.DirectLine;

/// <summary>
/// Conformance with the official client: tests/browser/directline/run.js drives botframework-directlinejs
/// (the library inside Web Chat) against the running app, over polling and over the WebSocket.
/// </summary>
public sealed class DirectLineClientTests(DirectLineAppFixture fixture) : IClassFixture<DirectLineAppFixture>
{
    private const string Script = "directline/run.js";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DirectLineJs_StartWithToken_GetsGreetingEchoAndReply(bool webSocket)
    {
        using var api = fixture.Api();
        var issued = await api.GenerateTokenAsync();

        var result = await NodeScript.RunAsync(Script, "converse", new { domain = api.Domain, token = issued.Token, webSocket }, RunTimeout);

        Assert.Equal(issued.ConversationId, result.GetProperty("conversationId").GetString());
        Assert.Contains("Online", Strings(result.GetProperty("statuses")));
        Assert.DoesNotContain("FailedToConnect", Strings(result.GetProperty("statuses")));
        Assert.Empty(result.GetProperty("errors").EnumerateArray());

        var activities = result.GetProperty("activities").EnumerateArray().ToList();
        var greeting = activities.First(a => a.GetProperty("id").GetString() == result.GetProperty("greetingId").GetString());
        Assert.Contains("988", greeting.GetProperty("text").GetString());
        Assert.Contains("911", greeting.GetProperty("text").GetString());

        var exchange = result.GetProperty("exchange");
        var echo = exchange.GetProperty("echo");
        Assert.Equal(exchange.GetProperty("postedId").GetString(), echo.GetProperty("id").GetString());
        Assert.Equal(exchange.GetProperty("clientActivityId").GetString(), echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(DirectLineApi.Claim(issued.Token, "user"), echo.GetProperty("from").GetProperty("id").GetString());

        var reply = exchange.GetProperty("reply");
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("text").GetString()));

        // Server-assigned, unique ids and timestamps on everything, in the order they were logged.
        var ids = activities.Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.All(activities, a => Assert.True(a.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UnixEpoch));
        Assert.All(activities, a => Assert.Equal(issued.ConversationId, a.GetProperty("conversation").GetProperty("id").GetString()));
        Assert.True(Index(ids, greeting) < Index(ids, echo) && Index(ids, echo) < Index(ids, reply));
        Assert.Equal(JsonValueKind.String, result.GetProperty("watermark").ValueKind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DirectLineJs_ResumeWithWatermark_LosesNothingAndRepeatsNothing(bool webSocket)
    {
        using var api = fixture.Api();
        var issued = await api.GenerateTokenAsync();

        var result = await NodeScript.RunAsync(Script, "resume", new { domain = api.Domain, token = issued.Token, webSocket }, RunTimeout);

        var first = Ids(result.GetProperty("first").GetProperty("activities"));
        var second = Ids(result.GetProperty("second").GetProperty("activities"));
        var server = Ids(result.GetProperty("serverLog").GetProperty("activities"));
        Assert.Equal(3, first.Count); // greeting, message, reply
        Assert.Empty(first.Intersect(second));
        Assert.Equal(second.Distinct().Count(), second.Count);
        Assert.Equal(server, first.Concat(second).ToList());
        // What was posted while the client was away comes first after the resume.
        Assert.Equal(result.GetProperty("missedPost").GetProperty("body").GetProperty("id").GetString(), second[0]);
        Assert.Equal(7, server.Count);
    }

    [Fact]
    public async Task DirectLineJs_WebSocketDrops_ClientReconnectsWithWatermarkAndGetsTheMissedMessageOnce()
    {
        using var api = fixture.Api();
        var issued = await api.GenerateTokenAsync();

        var result = await NodeScript.RunAsync(Script, "socketDrop", new { domain = api.Domain, token = issued.Token }, RunTimeout);

        Assert.Equal(2, result.GetProperty("socketsOpened").GetInt32());
        Assert.Equal("3", result.GetProperty("watermarkBeforeDrop").GetString());
        var received = Ids(result.GetProperty("activities"));
        var server = Ids(result.GetProperty("serverLog").GetProperty("activities"));
        Assert.Equal(server, received); // every activity, in order, none twice
        Assert.Equal(7, received.Count);
        Assert.Equal(result.GetProperty("missedPost").GetProperty("body").GetProperty("id").GetString(), received[3]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DirectLineJs_TokenOfAnotherConversation_FailsToConnectAndSeesNothing(bool webSocket)
    {
        using var api = fixture.Api();
        var mine = await api.GenerateTokenAsync();
        var theirs = await api.StartConversationAsync();

        var result = await NodeScript.RunAsync(Script, "foreign",
            new { domain = api.Domain, token = mine.Token, conversationId = theirs.ConversationId, webSocket }, RunTimeout);

        Assert.Contains("FailedToConnect", Strings(result.GetProperty("statuses")));
        Assert.DoesNotContain("Online", Strings(result.GetProperty("statuses")));
        Assert.Empty(result.GetProperty("activities").EnumerateArray());
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> Ids(JsonElement activities) =>
        activities.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();

    private static int Index(List<string?> ids, JsonElement activity) => ids.IndexOf(activity.GetProperty("id").GetString());
}
