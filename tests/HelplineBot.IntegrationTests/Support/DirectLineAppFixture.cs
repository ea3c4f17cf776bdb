using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>
/// One running app per test class, with a known Direct Line secret and a one-reply conversation, so
/// the protocol tests count activities without depending on what the dialogs say.
/// </summary>
public sealed class DirectLineAppFixture : IAsyncLifetime
{
    public HelplineBotApp App { get; } = new(
        new Dictionary<string, string?> { ["DirectLine:Secret"] = DirectLineApi.TestSecret },
        services => services.AddSingleton<ITurnHandler, OneReplyTurnHandler>());

    public DirectLineApi Api() => new(App, DirectLineApi.TestSecret);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
