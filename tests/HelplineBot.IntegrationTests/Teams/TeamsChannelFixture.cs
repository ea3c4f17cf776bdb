using System.Net;
using System.Text.Json.Nodes;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Protocol;

namespace HelplineBot.IntegrationTests.Teams;

/// <summary>
/// The real bot on loopback in open development mode and a loopback Bot Connector that receives its
/// replies; each test uses its own conversation ids, so one instance serves the whole class.
/// </summary>
public sealed class TeamsChannelFixture : IAsyncLifetime
{
    private FakeBotConnector? _connector;
    private HelplineBotApp? _app;

    public FakeBotConnector Connector => _connector!;
    public HttpClient Http { get; private set; } = null!;
    internal TeamsPayloads Teams { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _app = new HelplineBotApp();
        Http = new HttpClient { BaseAddress = _app.BaseAddress };
        Teams = new TeamsPayloads(_connector.ServiceUrl);
    }

    /// <summary>Posts one activity, expects 200, and returns the messages the bot sent to that conversation because of it.</summary>
    internal async Task<IReadOnlyList<JsonNode>> SendAsync(JsonObject activity)
    {
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        var before = Connector.CallsFor(conversationId).Count;
        using var response = await Http.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The endpoint answers once the turn is done, and the turn's replies were delivered by then.
        return Connector.CallsFor(conversationId).Skip(before)
            .Select(call => call.Body!)
            .Where(body => body["type"]?.GetValue<string>() == "message")
            .ToList();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_connector is not null) await _connector.DisposeAsync();
    }
}
