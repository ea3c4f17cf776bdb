using HelplineBot.Handoff;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Teams;

/// <summary>A request for a person or a crisis in Teams reaches the advisors' queue, in personal and group chats.</summary>
public sealed class TeamsHandoffTests
{
    [Theory]
    [InlineData("personal", "talk to an advisor")]
    [InlineData("groupChat", "talk to an advisor")]
    [InlineData("groupChat", "i want to kill myself tonight")]
    public async Task PersonRequestOrCrisis_InTeams_IsQueuedForItsConversation(string type, string text)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var teams = new TeamsPayloads(connector.ServiceUrl);
        var conv = type == "personal" ? TeamsPayloads.NewPersonalConversation() : TeamsPayloads.NewGroupChat();
        using var r = await http.PostAsync(teams.Message(conv, type, TeamsPayloads.Alex, text, mentionBot: type != "personal"));
        var texts = string.Join("\n---\n", connector.CallsFor(conv).Select(c => c.Text));
        var open = await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync("msteams", conv, CancellationToken.None);
        Assert.True(open is not null, texts);
    }
}
