using HelplineBot.Channels;
using HelplineBot.Channels.DirectLine;
using HelplineBot.Tests.Handoff;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.Tests.Channels.DirectLine;

public sealed class DirectLinePresenceTests : IAsyncLifetime
{
    private const string DirectLineChannel = "directline";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<(DirectLinePresence Sut, DateTimeOffset Started)> CreateSutAsync(params string[] conversations)
    {
        var store = new DirectLineStore(_db.Database, _clock);
        foreach (var id in conversations) await store.CreateConversationAsync(id, "dl_user", CancellationToken.None);
        var started = _clock.GetUtcNow();
        return (new DirectLinePresence(new DirectLineConversations(store, _clock, NullLogger<DirectLineConversations>.Instance), _clock), started);
    }

    private static async Task<PresenceSignal> CheckAsync(IVisitorPresence sut, string conversation) =>
        await sut.CheckAsync(DirectLineChannel, conversation, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException("No signal.");

    [Fact]
    public async Task Check_OpenStream_IsConnected()
    {
        var (sut, _) = await CreateSutAsync("c1");
        using var stream = sut.Connect(DirectLineChannel, "c1");
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.True((await CheckAsync(sut, "c1")).IsConnected);
    }

    [Fact]
    public async Task Check_StreamClosed_IsGoneSinceTheClose()
    {
        var (sut, _) = await CreateSutAsync("c1");
        var stream = sut.Connect(DirectLineChannel, "c1");
        _clock.Advance(TimeSpan.FromMinutes(2));
        var closedAt = _clock.GetUtcNow();

        stream.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(new PresenceSignal(false, closedAt), await CheckAsync(sut, "c1"));
    }

    [Fact]
    public async Task Check_ReconnectedAfterAClose_IsConnectedAgain()
    {
        var (sut, _) = await CreateSutAsync("c1");
        sut.Connect(DirectLineChannel, "c1").Dispose();
        _clock.Advance(TimeSpan.FromSeconds(40));

        using var again = sut.Connect(DirectLineChannel, "c1");
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.True((await CheckAsync(sut, "c1")).IsConnected);
    }

    [Fact]
    public async Task Check_OneOfTwoStreamsClosed_IsStillConnected()
    {
        var (sut, _) = await CreateSutAsync("c1");
        using var tab = sut.Connect(DirectLineChannel, "c1");
        var otherTab = sut.Connect(DirectLineChannel, "c1");

        otherTab.Dispose();
        otherTab.Dispose();

        Assert.True((await CheckAsync(sut, "c1")).IsConnected);
    }

    [Fact]
    public async Task Check_PollingClient_LastSeenIsItsLatestRequest()
    {
        var (sut, _) = await CreateSutAsync("c1");
        sut.Seen(DirectLineChannel, "c1");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var polledAt = _clock.GetUtcNow();

        sut.Seen(DirectLineChannel, "c1");
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(new PresenceSignal(false, polledAt), await CheckAsync(sut, "c1"));
    }

    [Fact]
    public async Task Check_OurConversationWithNoSignSinceThisInstanceStarted_CountsFromTheStart()
    {
        var (sut, started) = await CreateSutAsync("c1");
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(new PresenceSignal(false, started), await CheckAsync(sut, "c1"));
    }

    [Fact]
    public async Task Check_DirectLineConversationNotOfOurs_IsNull()
    {
        var (sut, _) = await CreateSutAsync("c1");

        Assert.Null(await sut.CheckAsync(DirectLineChannel, "azure-direct-line-conversation", CancellationToken.None));
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("webchat")]
    public async Task Check_OtherChannel_IsNullEvenAfterASign(string channel)
    {
        var (sut, _) = await CreateSutAsync("c1");
        sut.Seen(channel, "c1");
        sut.Connect(channel, "c1").Dispose();

        Assert.Null(await sut.CheckAsync(channel, "c1", CancellationToken.None));
    }

    [Fact]
    public async Task Seen_ManyStaleConversations_ForgetsThemButNeverAnOpenStream()
    {
        var (sut, started) = await CreateSutAsync("open", "stale-0");
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var stream = sut.Connect(DirectLineChannel, "open");
        for (var i = 0; i <= 10_000; i++) sut.Seen(DirectLineChannel, $"stale-{i}");
        _clock.Advance(TimeSpan.FromHours(3));

        sut.Seen(DirectLineChannel, "fresh");

        Assert.True((await CheckAsync(sut, "open")).IsConnected);
        // Forgotten: answered from this instance's start again, earlier than the forgotten sign, so still gone.
        Assert.Equal(new PresenceSignal(false, started), await CheckAsync(sut, "stale-0"));
    }
}
