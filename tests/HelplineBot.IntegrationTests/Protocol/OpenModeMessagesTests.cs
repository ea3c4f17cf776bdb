using System.Net;
using System.Text.Json.Nodes;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Protocol.Connector;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Protocol;

/// <summary>/api/messages with no MicrosoftAppId: open development mode, replies only to loopback.</summary>
public sealed class OpenModeMessagesTests(OpenModeMessagesTests.Fixture fixture) : IClassFixture<OpenModeMessagesTests.Fixture>
{
    private readonly HttpClient _http = fixture.Http;
    private readonly FakeBotConnector _connector = fixture.Connector;

    [Fact]
    public async Task Message_ReplyGoesToReplyToActivityUnderTheServiceUrlPrefixWithEscapedIds()
    {
        var conversation = BotMessages.NewConversationId();
        var message = BotMessages.Message(conversation, _connector.ServiceUrl, "is this chat confidential?");

        using var response = await _http.PostAsync(message);
        var reply = await _connector.WaitForCallAsync(call => call.ConversationHeader == conversation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{message["id"]}", reply.RawTarget);
        Assert.Contains("%3A", reply.RawTarget);
        Assert.Equal("application/json", reply.ContentType?.Split(';')[0]);
        Assert.Empty(reply.Authorization);
        Assert.Contains("988", reply.Text);
        Assert.Contains("911", reply.Text);
        Assert.Equal(message["id"]!.GetValue<string>(), reply.Body!["replyToId"]!.GetValue<string>());
        Assert.Equal("29:visitor", reply.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("28:helpline-bot", reply.Body["from"]!["id"]!.GetValue<string>());
        Assert.Null(reply.Body["id"]);
    }

    [Fact]
    public async Task ConversationUpdate_PersonJoins_WelcomeNamesEmergencyNumbers()
    {
        var conversation = BotMessages.NewConversationId();
        var update = BotMessages.Of(ActivityTypes.ConversationUpdate, conversation, _connector.ServiceUrl);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:visitor" });

        using var response = await _http.PostAsync(update);
        var welcome = await _connector.WaitForCallAsync(call => call.ConversationHeader == conversation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("988", welcome.Text);
        Assert.Contains("911", welcome.Text);
    }

    [Fact]
    public async Task ExpectReplies_RepliesComeInTheResponseAndNoConnectorCallIsMade()
    {
        var conversation = BotMessages.NewConversationId();
        var message = BotMessages.Message(conversation, _connector.ServiceUrl);
        message["deliveryMode"] = DeliveryModes.ExpectReplies;

        using var response = await _http.PostAsync(message);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = body["activities"]!.AsArray();
        Assert.Single(replies);
        Assert.Contains("988", replies[0]!["text"]!.GetValue<string>());
        Assert.Empty(_connector.CallsFor(conversation));
    }

    [Fact]
    public async Task UnknownActivityType_IsAcknowledgedWith200AndIgnored()
    {
        var conversation = BotMessages.NewConversationId();

        using var response = await _http.PostAsync(BotMessages.Of("somethingFromTheFuture", conversation, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.CallsFor(conversation));
    }

    public static TheoryData<string> SpecTypes() => new(ActivityTypes.All.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SpecTypes))]
    public async Task EveryActivityTypeOfTheSpec_IsAnsweredWith200(string type)
    {
        using var response = await _http.PostAsync(BotMessages.Of(type, BotMessages.NewConversationId(), _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task NonPost_Is405(string method)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages")).WaitAsync(BotMessages.Timeout);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task WrongContentType_Is415WithShortReason()
    {
        var body = BotMessages.Message(BotMessages.NewConversationId(), _connector.ServiceUrl).ToJsonString();

        using var response = await _http.PostRawAsync(body, "text/plain");

        var problem = await response.AssertProblemAsync(415);
        Assert.Contains("application/json", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\",\"from\":\"not an object\"}")]
    public async Task MalformedActivity_Is400WithShortReason(string body)
    {
        using var response = await _http.PostRawAsync(body, "application/json");

        var problem = await response.AssertProblemAsync(400);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("conversation.id")]
    [InlineData("channelId")]
    [InlineData("serviceUrl")]
    [InlineData("from.id")]
    public async Task MissingRequiredField_Is400NamingIt(string field)
    {
        var activity = BotMessages.Message(BotMessages.NewConversationId(), _connector.ServiceUrl);
        var path = field.Split('.');
        (path.Length == 1 ? activity : activity[path[0]]!.AsObject()).Remove(path[^1]);

        using var response = await _http.PostAsync(activity);

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains(field, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServiceUrlThatIsNotAUrl_Is400()
    {
        using var response = await _http.PostAsync(BotMessages.Message(BotMessages.NewConversationId(), "javascript:alert(1)"));

        await response.AssertProblemAsync(400);
    }

    [Fact]
    public async Task ActivityOverTheSizeLimit_Is413()
    {
        var activity = BotMessages.Message(BotMessages.NewConversationId(), _connector.ServiceUrl, new string('x', 300 * 1024));

        using var response = await _http.PostAsync(activity);

        var problem = await response.AssertProblemAsync(413);
        Assert.Contains("262144", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task NonLoopbackServiceUrl_IsRefusedByTheConnectorAndTheChannelStillGets200()
    {
        var activity = BotMessages.Message(BotMessages.NewConversationId(), "https://bots.example.org/");
        var connector = fixture.App.Services.GetRequiredService<ConnectorClient>();

        using var response = await _http.PostAsync(activity);
        var direct = connector.SendAsync(new Activity
        {
            Type = ActivityTypes.Message, ChannelId = "msteams", ServiceUrl = "https://bots.example.org/",
            Conversation = new ConversationAccount { Id = "c" }, Text = "hi",
        }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<ConnectorRefusedException>(() => direct.WaitAsync(BotMessages.Timeout));
    }

    [Fact]
    public async Task TraceActivity_IsNotPostedToAChannelOtherThanTheEmulator()
    {
        var connector = fixture.App.Services.GetRequiredService<ConnectorClient>();
        var conversation = BotMessages.NewConversationId();
        Activity Trace(string channel) => new()
        {
            Type = ActivityTypes.Trace, ChannelId = channel, ServiceUrl = _connector.ServiceUrl, Name = "debug",
            Conversation = new ConversationAccount { Id = conversation },
        };

        await connector.SendAsync(Trace("msteams"), CancellationToken.None).WaitAsync(BotMessages.Timeout);
        await connector.SendAsync(Trace("emulator"), CancellationToken.None).WaitAsync(BotMessages.Timeout);

        var posted = _connector.CallsFor(conversation);
        Assert.Single(posted);
        Assert.Equal("emulator", posted[0].Body!["channelId"]!.GetValue<string>());
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public FakeBotConnector Connector { get; private set; } = null!;
        public HelplineBotApp App { get; private set; } = null!;
        public HttpClient Http { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Connector = await FakeBotConnector.StartAsync();
            App = new HelplineBotApp(services: services => services.AddSingleton<ITurnHandler, OneReplyTurnHandler>());
            Http = new HttpClient { BaseAddress = App.BaseAddress };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
            await Connector.DisposeAsync();
        }
    }
}
