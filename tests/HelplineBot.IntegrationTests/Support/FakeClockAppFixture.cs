using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>One running app per test class whose TimeProvider is a fake clock the tests move.</summary>
public sealed class FakeClockAppFixture : IAsyncLifetime
{
    public FakeClockAppFixture()
    {
        App = new HelplineBotApp(
            new Dictionary<string, string?> { ["DirectLine:Secret"] = DirectLineApi.TestSecret },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ITurnHandler, OneReplyTurnHandler>();
            });
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public HelplineBotApp App { get; }

    public DirectLineApi Api() => new(App, DirectLineApi.TestSecret);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
