using HelplineBot.IntegrationTests.Support;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.DirectLine;

public sealed class DirectLineRestartTests
{
    [Fact]
    public async Task Restart_OnTheSameDataFolder_KeepsConversationHistoryAndToken()
    {
        // No secret configured: the generated development secret in the data folder must survive too.
        string dataFolder;
        IssuedToken issued;
        ActivityPage before;
        await using (var first = new HelplineBotApp(services: OneReply))
        {
            dataFolder = first.DataFolder;
            using var api = new DirectLineApi(first, await File.ReadAllTextAsync(Path.Combine(dataFolder, "directline-secret.txt")));
            issued = await api.StartConversationAsync();
            await api.PostMessageAsync(issued.ConversationId, issued.Token, "before the restart");
            before = await api.GetActivitiesAsync(issued.ConversationId, issued.Token);
        }

        await using var second = new HelplineBotApp(dataFolder: dataFolder, services: OneReply);
        using var again = new DirectLineApi(second, await File.ReadAllTextAsync(Path.Combine(dataFolder, "directline-secret.txt")));
        var after = await again.GetActivitiesAsync(issued.ConversationId, issued.Token);
        using var reconnect = await again.SendAsync(HttpMethod.Get, $"conversations/{issued.ConversationId}?watermark={before.Watermark}", issued.Token);
        var postedId = await again.PostMessageAsync(issued.ConversationId, issued.Token, "after the restart");
        var newer = await again.GetActivitiesAsync(issued.ConversationId, issued.Token, before.Watermark);

        Assert.Equal(3, before.Activities.Count);
        Assert.Equal(before.Ids, after.Ids);
        Assert.Equal(before.Activities.Select(a => a["text"]?.GetValue<string>()), after.Activities.Select(a => a["text"]?.GetValue<string>()));
        Assert.Equal(System.Net.HttpStatusCode.OK, reconnect.StatusCode);
        // The log goes on from where it was: no id reused, no second greeting.
        Assert.Equal($"{issued.ConversationId}|0000004", postedId);
        Assert.Equal(2, newer.Activities.Count);
    }

    private static void OneReply(IServiceCollection services) => services.AddSingleton<ITurnHandler, OneReplyTurnHandler>();
}
