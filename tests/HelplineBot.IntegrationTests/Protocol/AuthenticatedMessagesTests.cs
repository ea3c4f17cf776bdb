using System.Net;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Protocol.Connector;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Protocol;

/// <summary>
/// /api/messages with MicrosoftAppId set: channel tokens from a loopback OpenID issuer, the bot token
/// from a loopback Entra endpoint (through MSAL), replies to a loopback Bot Connector.
/// </summary>
public sealed class AuthenticatedMessagesTests(AuthenticatedMessagesTests.Fixture fixture) : IClassFixture<AuthenticatedMessagesTests.Fixture>
{
    private const string AppId = "6c1a2f0e-1111-4222-8333-944445555666";
    private const string TenantId = "0d3c5a7e-aaaa-4bbb-8ccc-dddddddddddd";
    private const string ChannelId = "msteams";

    private readonly HttpClient _http = fixture.Http;
    private readonly FakeBotConnector _connector = fixture.Connector;
    private readonly FakeOpenIdIssuer _issuer = fixture.Issuer;

    [Fact]
    public async Task ValidChannelToken_ReplyCarriesTheBotTokenMsalGotForOurTenant()
    {
        var conversation = BotMessages.NewConversationId();

        using var response = await _http.PostAsync(Message(conversation), Token());
        var reply = await _connector.WaitForCallAsync(call => call.ConversationHeader == conversation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Bearer bot-token-", reply.Authorization);
        Assert.Contains("988", reply.Text);
        var tokenRequest = Assert.Single(fixture.Entra.Requests);
        Assert.Equal(TenantId, tokenRequest.Tenant);
        Assert.Equal("client_credentials", tokenRequest.GrantType);
        Assert.Equal(AppId, tokenRequest.ClientId);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Scope);
    }

    [Fact]
    public async Task SeveralReplies_ReuseTheCachedBotToken()
    {
        for (var i = 0; i < 3; i++)
        {
            var conversation = BotMessages.NewConversationId();
            using var response = await _http.PostAsync(Message(conversation), Token());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await _connector.WaitForCallAsync(call => call.ConversationHeader == conversation);
        }

        Assert.Single(fixture.Entra.Requests);
        Assert.Single(_connector.Calls.Select(call => call.Authorization).Where(auth => auth.Length > 0).Distinct());
    }

    [Fact]
    public async Task Connector503_IsRetriedAndTheReplyArrives()
    {
        var conversation = BotMessages.NewConversationId();
        _connector.Enqueue(503);

        using var response = await _http.PostAsync(Message(conversation), Token());
        await _connector.WaitForCallAsync(call => call.ConversationHeader == conversation && _connector.CallsFor(conversation).Count == 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _connector.CallsFor(conversation);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.StartsWith("Bearer bot-token-", call.Authorization));
        Assert.Equal(calls[0].Text, calls[1].Text);
    }

    [Fact]
    public async Task Connector429_RetryWaitsForRetryAfter()
    {
        var conversation = BotMessages.NewConversationId();
        _connector.Enqueue(429, retryAfter: "1");

        using var response = await _http.PostAsync(Message(conversation), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _connector.CallsFor(conversation);
        Assert.Equal(2, calls.Count);
        // The configured back-off is 20 ms; only the Retry-After header explains a wait of about a second.
        Assert.True(calls[1].ArrivedAt - calls[0].ArrivedAt >= TimeSpan.FromMilliseconds(900),
            $"retried after {(calls[1].ArrivedAt - calls[0].ArrivedAt).TotalMilliseconds} ms");
    }

    public static TheoryData<string> BadTokens() => new()
    {
        "none", "garbage", "wrong-audience", "expired", "service-url-mismatch", "channel-not-endorsed", "unknown-key", "alg-none",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadChannelToken_Is401WithNoReasonAndNoReply(string kind)
    {
        var conversation = BotMessages.NewConversationId();
        var now = DateTimeOffset.UtcNow;
        var message = Message(conversation);
        var token = kind switch
        {
            "none" => null,
            "garbage" => "not.a.token",
            "wrong-audience" => _issuer.CreateToken(fixture.Kid, "another-bot", _connector.ServiceUrl, now),
            "expired" => _issuer.CreateToken(fixture.Kid, AppId, _connector.ServiceUrl, now, notBeforeOffset: TimeSpan.FromHours(-2), expiresOffset: TimeSpan.FromHours(-1)),
            "service-url-mismatch" => _issuer.CreateToken(fixture.Kid, AppId, "https://smba.trafficmanager.net/amer/", now),
            "channel-not-endorsed" => _issuer.CreateToken(fixture.KidForSlackOnly, AppId, _connector.ServiceUrl, now),
            "unknown-key" => _issuer.CreateToken(_issuer.AddKey([ChannelId], published: false), AppId, _connector.ServiceUrl, now),
            "alg-none" => FakeOpenIdIssuer.CreateUnsignedToken(fixture.Kid, AppId, _connector.ServiceUrl, now),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var response = await _http.PostAsync(message, token);

        var problem = await response.AssertProblemAsync(401);
        Assert.Null(problem["detail"]);
        Assert.Empty(_connector.CallsFor(conversation));
    }

    [Fact]
    public async Task ExpectReplies_WithValidToken_AnswersInTheBody()
    {
        var conversation = BotMessages.NewConversationId();
        var message = Message(conversation);
        message["deliveryMode"] = DeliveryModes.ExpectReplies;

        using var response = await _http.PostAsync(message, Token());
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("988", body["activities"]![0]!["text"]!.GetValue<string>());
        Assert.Empty(_connector.CallsFor(conversation));
    }

    [Fact]
    public async Task UntrustedServiceUrl_GetsNoCallAndNoToken()
    {
        var client = fixture.App.Services.GetRequiredService<ConnectorClient>();
        var untrusted = new Uri(_connector.BaseAddress, "untrusted/").AbsoluteUri;
        var tokensBefore = fixture.Entra.Requests.Count;

        var send = client.SendAsync(new Activity
        {
            Type = ActivityTypes.Message, ChannelId = ChannelId, ServiceUrl = untrusted, Text = "hi",
            Conversation = new ConversationAccount { Id = BotMessages.NewConversationId() },
        }, CancellationToken.None);

        await Assert.ThrowsAsync<ConnectorRefusedException>(() => send.WaitAsync(BotMessages.Timeout));
        Assert.DoesNotContain(_connector.Calls, call => call.RawTarget.StartsWith("/untrusted", StringComparison.Ordinal));
        Assert.Equal(tokensBefore, fixture.Entra.Requests.Count);
    }

    [Fact]
    public async Task AzureWebChatActivity_WithAVouchedServiceUrl_IsSentByTheConnectorNotOurDirectLine()
    {
        var client = fixture.App.Services.GetRequiredService<ConnectorClient>();
        var conversation = BotMessages.NewConversationId();
        using var response = await _http.PostAsync(Message(conversation), Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.True(client.CanSend(new Activity { ChannelId = "webchat", ServiceUrl = _connector.ServiceUrl }));
        Assert.False(client.CanSend(new Activity { ChannelId = "webchat", ServiceUrl = "https://webchat.example.org/" }));
        Assert.True(client.CanSend(new Activity { ChannelId = ChannelId, ServiceUrl = "https://webchat.example.org/" }));
    }

    private System.Text.Json.Nodes.JsonObject Message(string conversation) =>
        BotMessages.Message(conversation, _connector.ServiceUrl, channelId: ChannelId);

    private string Token() => _issuer.CreateToken(fixture.Kid, AppId, _connector.ServiceUrl, DateTimeOffset.UtcNow);

    public sealed class Fixture : IAsyncLifetime
    {
        public FakeBotConnector Connector { get; private set; } = null!;
        public FakeOpenIdIssuer Issuer { get; private set; } = null!;
        public FakeEntraTokenEndpoint Entra { get; private set; } = null!;
        public HelplineBotApp App { get; private set; } = null!;
        public HttpClient Http { get; private set; } = null!;
        public string Kid { get; private set; } = null!;
        public string KidForSlackOnly { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Connector = await FakeBotConnector.StartAsync();
            Issuer = await FakeOpenIdIssuer.StartAsync();
            Entra = await FakeEntraTokenEndpoint.StartAsync();
            Kid = Issuer.AddKey([ChannelId]);
            KidForSlackOnly = Issuer.AddKey(["slack"]);
            App = new HelplineBotApp(new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                ["MicrosoftAppTenantId"] = TenantId,
                ["ChannelAuth:BotFrameworkMetadataUrl"] = Issuer.MetadataUrl,
                ["ChannelAuth:UnknownKeyRefreshInterval"] = "00:00:00",
                ["Connector:AuthorityHost"] = Entra.BaseAddress.AbsoluteUri,
                ["Connector:RetryDelay"] = "00:00:00.020",
            }, services =>
            {
                services.AddSingleton<ITurnHandler, OneReplyTurnHandler>();
                services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(Entra.CreateTrustingHandler);
            });
            Http = new HttpClient { BaseAddress = App.BaseAddress };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
            await Entra.DisposeAsync();
            await Issuer.DisposeAsync();
            await Connector.DisposeAsync();
        }
    }
}
