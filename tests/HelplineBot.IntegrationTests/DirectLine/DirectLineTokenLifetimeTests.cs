using System.Net;
using HelplineBot.IntegrationTests.Support;

namespace HelplineBot.IntegrationTests.DirectLine;

/// <summary>Token expiry and refresh with the server's clock moved by the test (tokens live 30 minutes).</summary>
public sealed class DirectLineTokenLifetimeTests(FakeClockAppFixture fixture) : IClassFixture<FakeClockAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ExpiredToken_Returns403TokenExpiredOnEveryRoute()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        var answers = await DirectLineRoutes.CallEachAsync(api, fixture.App, issued.ConversationId, issued.Token);
        using var refresh = await api.SendAsync(HttpMethod.Post, "tokens/refresh", issued.Token);
        using var start = await api.SendAsync(HttpMethod.Post, "conversations", issued.Token);

        Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{answer.Route} answered {answer.Status}"));
        Assert.All(answers.Where(a => a.Route != "stream"), answer => Assert.Equal("TokenExpired", answer.Code));
        await DirectLineApi.AssertErrorAsync(refresh, HttpStatusCode.Forbidden, "TokenExpired");
        await DirectLineApi.AssertErrorAsync(start, HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task Token_JustBeforeExpiry_IsStillAccepted()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        fixture.Clock.Advance(TimeSpan.FromMinutes(29));

        Assert.Single((await api.GetActivitiesAsync(issued.ConversationId, issued.Token)).Activities);
    }

    [Fact]
    public async Task DirectLineJs_RefreshedToken_OutlivesTheOldOne_ThenExpiryIsReportedAsExpiredToken()
    {
        using var api = fixture.Api();
        var issued = await api.GenerateTokenAsync();
        await using var node = await NodeScript.StartAsync("directline/run.js", "tokenLifecycle",
            new { domain = api.Domain, token = issued.Token, timeoutMs = 8000 });

        var started = await node.ReadyAsync(Wait);
        var startToken = started.GetProperty("startToken").GetString()!;
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        await node.ContinueAsync();

        // The client refreshed with its own refreshToken() call and talked with the new token.
        var refreshed = (await node.ReadyAsync(Wait)).GetProperty("refreshed").GetString()!;
        Assert.NotEqual(startToken, refreshed);
        Assert.Equal(issued.ConversationId, DirectLineApi.Claim(refreshed, "conv"));
        Assert.Equal(DirectLineApi.Claim(issued.Token, "user"), DirectLineApi.Claim(refreshed, "user"));

        // 35 minutes in: the first tokens have expired, the refreshed one (from minute 20) has not.
        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        using (var old = await api.SendAsync(HttpMethod.Get, $"conversations/{issued.ConversationId}/activities", issued.Token))
            await DirectLineApi.AssertErrorAsync(old, HttpStatusCode.Forbidden, "TokenExpired");
        using (var oldStart = await api.SendAsync(HttpMethod.Get, $"conversations/{issued.ConversationId}/activities", startToken))
            await DirectLineApi.AssertErrorAsync(oldStart, HttpStatusCode.Forbidden, "TokenExpired");
        var log = await api.GetActivitiesAsync(issued.ConversationId, refreshed);
        Assert.Equal(3, log.Activities.Count);

        // 55 minutes in: the refreshed token has expired too; the polling client reports ExpiredToken (403).
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        await node.ContinueAsync();
        var result = await node.ResultAsync(Wait);

        var statuses = result.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("ExpiredToken", statuses);
        Assert.DoesNotContain("FailedToConnect", statuses);
        Assert.Equal(log.Ids.ElementAt(1), result.GetProperty("exchange").GetProperty("postedId").GetString());
    }
}
