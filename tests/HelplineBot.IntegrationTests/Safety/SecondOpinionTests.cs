using System.Net;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Protocol;
using HelplineBot.Safety;
using HelplineBot.Tests.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Safety;

/// <summary>
/// The Azure OpenAI second opinion in the real app: a message the rules miss, flagged by the (fake) model, gets
/// the crisis reply on the channel in the same turn, exactly as a crisis of the rules does.
/// </summary>
public sealed class SecondOpinionTests
{
    // A farewell without any of the rules' phrasings (asserted below).
    private const string Missed = "gave my cat to my sister today, I won't need anything after this weekend";

    [Fact]
    public async Task MessageRulesMissButModelFlags_CrisisReplyReachesTheConnector()
    {
        await using var model = await FakeAzureOpenAI.StartAsync((_, context) => FakeAzureOpenAI.Completion(context,
            """{"label": "crisis_suicide", "quote": "I won't need anything after this weekend"}"""));
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp(new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = model.Endpoint,
            ["AzureOpenAI:Deployment"] = FakeAzureOpenAI.Deployment,
            ["AzureOpenAI:ApiKey"] = FakeAzureOpenAI.Key,
            ["Safety:SecondOpinionTimeBudget"] = "00:00:05", // a cold client on a busy test machine
        });
        Assert.IsType<AzureOpenAISafetySecondOpinion>(app.Services.GetRequiredService<ISafetySecondOpinion>());
        Assert.False(app.Services.GetRequiredService<SafetyScreen>().Screen(Missed).IsCrisis);

        var conversation = BotMessages.NewConversationId();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.PostAsync(BotMessages.Message(conversation, connector.ServiceUrl, Missed)).WaitAsync(BotMessages.Timeout);
        var reply = await connector.WaitForCallAsync(
            call => call.ConversationHeader == conversation && call.Body?["importance"]?.GetValue<string>() == "high", BotMessages.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("988", reply.Text);
        Assert.True(model.Calls >= 1);
    }
}
