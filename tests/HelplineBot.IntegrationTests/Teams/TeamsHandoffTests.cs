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

    [Fact]
    public async Task AdvisorAcceptsAndWrites_TeamsPersonGetsBothThroughTheConnector()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new HelplineBotApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var teams = new TeamsPayloads(connector.ServiceUrl);
        var conv = TeamsPayloads.NewPersonalConversation();
        using var asked = await http.PostAsync(teams.Message(conv, "personal", TeamsPayloads.Alex, "can I talk to a real person", mentionBot: false));
        var entry = await app.Services.GetRequiredService<HandoffStore>().FindOpenAsync("msteams", conv, CancellationToken.None);
        Assert.NotNull(entry);

        var queue = app.Services.GetRequiredService<HandoffQueue>();
        var advisor = new AdvisorIdentity("adv-1", "Sam Lee", IsSupervisor: false);
        Assert.True((await queue.AcceptAsync(entry!.Id, advisor, CancellationToken.None)).IsWon);
        Assert.True(await queue.SendFromAdvisorAsync(entry.Id, advisor, "Hi, I'm here with you.", CancellationToken.None));

        var reply = await connector.WaitForCallAsync(call => call.ConversationHeader == conv && (call.Text?.Contains("I'm here with you") ?? false), BotMessages.Timeout);
        Assert.Contains("Sam", reply.Text);
        Assert.DoesNotContain("Lee", reply.Text); // the first name only
        Assert.Equal("msteams", reply.Body!["channelId"]!.GetValue<string>());
    }
}
