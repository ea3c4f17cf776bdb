using Microsoft.AspNetCore.Http;
using System.Net;
using System.Text.Json;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Protocol;

/// <summary>Invoke activities are answered synchronously with the handler's status and body, 501 when none (protocol.md §2.3).</summary>
public sealed class InvokeTests
{
    [Fact]
    public async Task Invoke_HandledByFirstConversation_Is200()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.PostAsync(Invoke("adaptiveCard/action", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_HandlerSetsResponse_StatusAndJsonBodyAreAnswered()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp(services: services => services.AddSingleton<ITurnHandler, InvokeProbe>());
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.PostAsync(Invoke(InvokeProbe.Name, connector.ServiceUrl));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("call 988", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_NoHandlerAnswers_Is501()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp(services: services => services.AddSingleton<ITurnHandler, InvokeProbe>());
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.PostAsync(Invoke("composeExtension/query", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    private static System.Text.Json.Nodes.JsonObject Invoke(string name, string serviceUrl)
    {
        var invoke = BotMessages.Of(ActivityTypes.Invoke, BotMessages.NewConversationId(), serviceUrl);
        invoke["name"] = name;
        invoke["value"] = new System.Text.Json.Nodes.JsonObject { ["action"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Action.Execute" } };
        return invoke;
    }

    /// <summary>Answers one invoke name with 202 and a body; leaves every other invoke unanswered.</summary>
    private sealed class InvokeProbe : ITurnHandler
    {
        public const string Name = "helpline/probe";

        public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            if (turn.Activity.Name == Name)
            {
                var body = JsonSerializer.SerializeToElement(new Dictionary<string, string>
                {
                    ["type"] = "application/vnd.microsoft.activity.message",
                    ["value"] = "call 988",
                });
                turn.InvokeResponse = new InvokeResponse(StatusCodes.Status202Accepted, body);
            }
            return Task.CompletedTask;
        }
    }
}
