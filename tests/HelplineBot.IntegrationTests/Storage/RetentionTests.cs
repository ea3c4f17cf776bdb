using System.Net;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Support;
using HelplineBot.Storage;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.IntegrationTests.Storage;

/// <summary>
/// The retention job in the running app, set to keep conversations for one day, on a clock the test moves past it.
/// (One day rather than the default 90: the fake clock steps through every tick of the app's 30-second timers
/// on the way, and 90 days of them take half a minute.)
/// </summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OldDirectLineConversationIsGoneAfterTheRetentionJobWhileARecentOneIsStillThere()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HelplineBotApp(
            new Dictionary<string, string?>
            {
                ["DirectLine:Secret"] = DirectLineApi.TestSecret,
                ["Storage:RetainConversationsFor"] = "1.00:00:00",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<ITurnHandler, OneReplyTurnHandler>();
            });
        using var api = new DirectLineApi(app, DirectLineApi.TestSecret);
        var old = await api.StartConversationAsync();
        await api.PostMessageAsync(old.ConversationId, old.Token, "something only the advisors should read");
        Assert.NotEmpty((await api.GetActivitiesAsync(old.ConversationId, DirectLineApi.TestSecret)).Activities);

        clock.Advance(TimeSpan.FromHours(25));
        var recent = await api.StartConversationAsync();
        await api.PostMessageAsync(recent.ConversationId, recent.Token, "written today");
        // The app's own schedule may already have run a round while the clock moved; this one is awaited.
        await app.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None).WaitAsync(Timeout);

        using var gone = await api.SendAsync(HttpMethod.Get, $"conversations/{old.ConversationId}/activities", DirectLineApi.TestSecret);
        await DirectLineApi.AssertErrorAsync(gone, HttpStatusCode.NotFound);
        // Nor does it live on in the app's memory of conversations in use: posting to it is refused the same way.
        using var posted = await api.PostActivityAsync(old.ConversationId, DirectLineApi.TestSecret, DirectLineApi.Message("hello?", DirectLineApi.NewClientActivityId()));
        await DirectLineApi.AssertErrorAsync(posted, HttpStatusCode.NotFound);
        var kept = await api.GetActivitiesAsync(recent.ConversationId, recent.Token);
        Assert.Contains(kept.Activities, activity => activity["text"]?.GetValue<string>() == "written today");
    }
}
