namespace HelplineBot.IntegrationTests.Support;

/// <summary>One running app per test class, with a known Direct Line secret.</summary>
public sealed class DirectLineAppFixture : IAsyncLifetime
{
    public HelplineBotApp App { get; } = new(new Dictionary<string, string?> { ["DirectLine:Secret"] = DirectLineApi.TestSecret });

    public DirectLineApi Api() => new(App, DirectLineApi.TestSecret);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
