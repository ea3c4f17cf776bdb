using System.Net;
using System.Text.Json.Nodes;
using HelplineBot.IntegrationTests.Support;

namespace HelplineBot.IntegrationTests.DirectLine;

/// <summary>Each Direct Line route's statuses and body shapes, as the client and Web Chat read them.</summary>
public sealed class DirectLineRoutesTests(DirectLineAppFixture fixture) : IClassFixture<DirectLineAppFixture>
{
    [Fact]
    public async Task TokensGenerate_WithSecret_ReturnsTokenBoundToANewConversation()
    {
        using var api = fixture.Api();

        using var response = await api.SendAsync(HttpMethod.Post, "tokens/generate", DirectLineApi.TestSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineApi.ReadJsonAsync(response);
        var token = body["token"]!.GetValue<string>();
        Assert.Equal(body["conversationId"]!.GetValue<string>(), DirectLineApi.Claim(token, "conv"));
        Assert.StartsWith("dl_", DirectLineApi.Claim(token, "user"));
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
    }

    [Fact]
    public async Task TokensGenerate_WithoutTheSecret_Returns403()
    {
        using var api = fixture.Api();
        var issued = await api.GenerateTokenAsync();

        using var anonymous = await api.SendAsync(HttpMethod.Post, "tokens/generate", null);
        using var withToken = await api.SendAsync(HttpMethod.Post, "tokens/generate", issued.Token);
        using var wrongSecret = await api.SendAsync(HttpMethod.Post, "tokens/generate", DirectLineApi.TestSecret + "x");

        await DirectLineApi.AssertErrorAsync(anonymous, HttpStatusCode.Forbidden);
        await DirectLineApi.AssertErrorAsync(withToken, HttpStatusCode.Forbidden);
        await DirectLineApi.AssertErrorAsync(wrongSecret, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TokensRefresh_WithToken_ReturnsTokenForTheSameConversationAndUser()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        using var response = await api.SendAsync(HttpMethod.Post, "tokens/refresh", issued.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineApi.ReadJsonAsync(response);
        var token = body["token"]!.GetValue<string>();
        Assert.Equal(issued.ConversationId, body["conversationId"]!.GetValue<string>());
        Assert.Equal(issued.ConversationId, DirectLineApi.Claim(token, "conv"));
        Assert.Equal(DirectLineApi.Claim(issued.Token, "user"), DirectLineApi.Claim(token, "user"));
        Assert.True(body["expires_in"]!.GetValue<int>() >= 1200);
        Assert.Single((await api.GetActivitiesAsync(issued.ConversationId, token)).Activities);
    }

    [Fact]
    public async Task TokensRefresh_WithSecretOrNothing_Returns403()
    {
        using var api = fixture.Api();

        using var withSecret = await api.SendAsync(HttpMethod.Post, "tokens/refresh", DirectLineApi.TestSecret);
        using var anonymous = await api.SendAsync(HttpMethod.Post, "tokens/refresh", null);
        using var garbage = await api.SendAsync(HttpMethod.Post, "tokens/refresh", "not-a-token");

        await DirectLineApi.AssertErrorAsync(withSecret, HttpStatusCode.Forbidden);
        await DirectLineApi.AssertErrorAsync(anonymous, HttpStatusCode.Forbidden);
        await DirectLineApi.AssertErrorAsync(garbage, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StartConversation_WithToken_Returns201ThenTheSameConversationWith200()
    {
        using var api = fixture.Api();
        var issued = await api.GenerateTokenAsync();

        using var first = await api.SendAsync(HttpMethod.Post, "conversations", issued.Token);
        using var second = await api.SendAsync(HttpMethod.Post, "conversations", issued.Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        foreach (var body in new[] { await DirectLineApi.ReadJsonAsync(first), await DirectLineApi.ReadJsonAsync(second) })
        {
            Assert.Equal(issued.ConversationId, body["conversationId"]!.GetValue<string>());
            Assert.Equal(issued.ConversationId, DirectLineApi.Claim(body["token"]!.GetValue<string>(), "conv"));
            Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
            var streamUrl = body["streamUrl"]!.GetValue<string>();
            Assert.StartsWith($"ws://{fixture.App.BaseAddress.Authority}/v3/directline/conversations/{issued.ConversationId}/stream?", streamUrl);
            Assert.Contains("t=", streamUrl);
        }
        // Started twice, greeted once.
        var log = await api.GetActivitiesAsync(issued.ConversationId, issued.Token);
        var greeting = Assert.Single(log.Activities);
        Assert.Contains("988", greeting["text"]!.GetValue<string>());
        Assert.Contains("911", greeting["text"]!.GetValue<string>());
        Assert.Equal("bot", greeting["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartConversation_WithSecret_StartsANewConversation()
    {
        using var api = fixture.Api();

        using var response = await api.SendAsync(HttpMethod.Post, "conversations", DirectLineApi.TestSecret);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await DirectLineApi.ReadJsonAsync(response);
        var conversationId = body["conversationId"]!.GetValue<string>();
        Assert.Single((await api.GetActivitiesAsync(conversationId, DirectLineApi.TestSecret)).Activities);
    }

    [Fact]
    public async Task StartConversation_WithoutValidCredential_Returns403()
    {
        using var api = fixture.Api();

        using var anonymous = await api.SendAsync(HttpMethod.Post, "conversations", null);
        using var garbage = await api.SendAsync(HttpMethod.Post, "conversations", "eyJhbGciOiJub25lIn0.eyJjb252IjoieCJ9.");

        await DirectLineApi.AssertErrorAsync(anonymous, HttpStatusCode.Forbidden);
        await DirectLineApi.AssertErrorAsync(garbage, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetConversation_WithWatermark_ReturnsStreamUrlThatResumesThere()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        using var response = await api.SendAsync(HttpMethod.Get, $"conversations/{issued.ConversationId}?watermark=1", issued.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineApi.ReadJsonAsync(response);
        Assert.Equal(issued.ConversationId, body["conversationId"]!.GetValue<string>());
        Assert.Contains("watermark=1&", body["streamUrl"]!.GetValue<string>());
        Assert.Equal(issued.ConversationId, DirectLineApi.Claim(body["token"]!.GetValue<string>(), "conv"));
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyWhatCameAfterIt()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        var start = await api.GetActivitiesAsync(issued.ConversationId, issued.Token, "");
        var postedId = await api.PostMessageAsync(issued.ConversationId, issued.Token, "hello");
        var after = await api.GetActivitiesAsync(issued.ConversationId, issued.Token, start.Watermark);
        var nothingNew = await api.GetActivitiesAsync(issued.ConversationId, issued.Token, after.Watermark);

        Assert.Single(start.Activities);
        Assert.Equal("1", start.Watermark);
        Assert.Equal(2, after.Activities.Count);
        Assert.Equal(postedId, after.Activities[0]["id"]!.GetValue<string>());
        Assert.Empty(start.Ids.Intersect(after.Ids));
        Assert.Equal("3", after.Watermark);
        Assert.Empty(nothingNew.Activities);
        Assert.Equal(after.Watermark, nothingNew.Watermark);
    }

    [Fact]
    public async Task PostActivity_Message_Returns200WithTheIdOfItsEchoAndTheBotReplies()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();
        var clientActivityId = DirectLineApi.NewClientActivityId();

        using var response = await api.PostActivityAsync(issued.ConversationId, issued.Token, DirectLineApi.Message("hello", clientActivityId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await DirectLineApi.ReadJsonAsync(response))["id"]!.GetValue<string>();
        var log = await api.GetActivitiesAsync(issued.ConversationId, issued.Token);
        var echo = log.Activities.Single(a => a["id"]!.GetValue<string>() == id);
        Assert.Equal(clientActivityId, echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(DirectLineApi.Claim(issued.Token, "user"), echo["from"]!["id"]!.GetValue<string>()); // the token's user, not the posted one
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.Equal(issued.ConversationId, echo["conversation"]!["id"]!.GetValue<string>());
        Assert.True(echo["timestamp"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UnixEpoch);
        var reply = log.Activities.Single(a => a["replyToId"]?.GetValue<string>() == id);
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(reply["text"]!.GetValue<string>()));
        Assert.True(reply["timestamp"]!.GetValue<DateTimeOffset>() >= echo["timestamp"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task PostActivity_ClientClaimsIdTimestampAddressAndBotRole_ServerDecidesThemAll()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();
        var other = await api.StartConversationAsync();
        const string text = "¿Qué tal? 😊 <b>not bold</b> \"quoted\"\nsecond line";

        using var response = await api.PostActivityAsync(issued.ConversationId, issued.Token, new
        {
            type = "message",
            id = "client-chosen-id",
            timestamp = "2000-01-01T00:00:00Z",
            text,
            from = new { id = "helpline-bot", role = "bot" },
            recipient = new { id = "someone-else" },
            conversation = new { id = other.ConversationId },
            serviceUrl = "https://attacker.example/",
            channelData = new { clientActivityID = "spoof-1" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await DirectLineApi.ReadJsonAsync(response))["id"]!.GetValue<string>();
        var echo = (await api.GetActivitiesAsync(issued.ConversationId, issued.Token)).Activities.Single(a => a["id"]!.GetValue<string>() == id);
        Assert.Equal($"{issued.ConversationId}|0000002", id);
        Assert.True(echo["timestamp"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(text, echo["text"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.Equal(DirectLineApi.Claim(issued.Token, "user"), echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("helpline-bot", echo["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(issued.ConversationId, echo["conversation"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain("attacker", echo.ToJsonString());
        Assert.Single((await api.GetActivitiesAsync(other.ConversationId, other.Token)).Activities);
    }

    [Fact]
    public async Task PostActivity_ManyAtOnce_EachStoredOnceAnsweredOnceInOneOrderForEveryReader()
    {
        using var api = fixture.Api();
        var issued = await api.GenerateTokenAsync();
        using var started = await api.SendAsync(HttpMethod.Post, "conversations", issued.Token);
        var streamUrl = (await DirectLineApi.ReadJsonAsync(started))["streamUrl"]!.GetValue<string>();
        await using var stream = await ActivityStreamClient.ConnectAsync(streamUrl);
        const int posts = 20;

        var ids = await Task.WhenAll(Enumerable.Range(0, posts).Select(i => api.PostMessageAsync(issued.ConversationId, issued.Token, $"message {i}")));
        var (streamed, _) = await stream.ReceiveActivitiesAsync(1 + 2 * posts, TimeSpan.FromSeconds(10));
        var log = await api.GetActivitiesAsync(issued.ConversationId, issued.Token);

        Assert.Equal(posts, ids.Distinct().Count());
        Assert.Equal(1 + 2 * posts, log.Activities.Count);
        Assert.Equal(log.Ids, streamed.Select(a => a["id"]!.GetValue<string>()));
        Assert.Equal(log.Ids.Order(StringComparer.Ordinal), log.Ids);
        Assert.All(ids, id => Assert.Single(log.Activities, a => a["replyToId"]?.GetValue<string>() == id));
    }

    [Fact]
    public async Task PostActivity_SameClientActivityIdTwice_IsStoredAndAnsweredOnce()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();
        var clientActivityId = DirectLineApi.NewClientActivityId();

        var firstId = await api.PostMessageAsync(issued.ConversationId, issued.Token, "hello", clientActivityId);
        var secondId = await api.PostMessageAsync(issued.ConversationId, issued.Token, "hello", clientActivityId);

        Assert.Equal(firstId, secondId);
        var log = await api.GetActivitiesAsync(issued.ConversationId, issued.Token);
        Assert.Single(log.Activities, a => a["channelData"]?["clientActivityID"]?.GetValue<string>() == clientActivityId);
        Assert.Single(log.Activities, a => a["replyToId"]?.GetValue<string>() == firstId);
        Assert.Equal(3, log.Activities.Count);
    }

    [Fact]
    public async Task UnknownConversation_WithSecret_Returns404OnEveryRoute()
    {
        using var api = fixture.Api();
        const string unknown = "NoSuchConversation00001";

        using var get = await api.SendAsync(HttpMethod.Get, $"conversations/{unknown}", DirectLineApi.TestSecret);
        using var activities = await api.SendAsync(HttpMethod.Get, $"conversations/{unknown}/activities", DirectLineApi.TestSecret);
        using var post = await api.PostActivityAsync(unknown, DirectLineApi.TestSecret, DirectLineApi.Message("hello", DirectLineApi.NewClientActivityId()));

        await DirectLineApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "NotFound");
        await DirectLineApi.AssertErrorAsync(activities, HttpStatusCode.NotFound, "NotFound");
        await DirectLineApi.AssertErrorAsync(post, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task TokenOfAnotherConversation_Returns403OnEveryRoute()
    {
        using var api = fixture.Api();
        var mine = await api.StartConversationAsync();
        var theirs = await api.StartConversationAsync();

        var answers = await DirectLineRoutes.CallEachAsync(api, fixture.App, theirs.ConversationId, mine.Token);

        Assert.Equal(4, answers.Count);
        Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{answer.Route} answered {answer.Status}"));
        // Nothing was written into the other conversation.
        Assert.Single((await api.GetActivitiesAsync(theirs.ConversationId, theirs.Token)).Activities);
    }

    [Fact]
    public async Task OwnToken_IsAcceptedOnEveryRoute()
    {
        using var api = fixture.Api();
        var mine = await api.StartConversationAsync();

        var answers = await DirectLineRoutes.CallEachAsync(api, fixture.App, mine.ConversationId, mine.Token);

        Assert.All(answers, answer => Assert.True(
            answer.Status is HttpStatusCode.OK or HttpStatusCode.SwitchingProtocols, $"{answer.Route} answered {answer.Status}"));
    }
}
