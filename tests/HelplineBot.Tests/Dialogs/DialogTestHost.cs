using HelplineBot.Channels;
using HelplineBot.Conversations;
using HelplineBot.Dialogs;
using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Knowledge;
using ChannelIds = HelplineBot.Protocol.Schema.Channels;
using HelplineBot.Protocol.Schema;
using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using HelplineBot.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.Tests.Dialogs;

/// <summary>
/// The turn pipeline with the real dialog engine, flows from knowledge/ (copied beside the test binary),
/// SQLite in a temporary folder and a fake clock. Several hosts on one folder act as app instances
/// sharing a database.
/// </summary>
public sealed class DialogTestHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider _provider;
    private int _nextId;

    public DialogTestHost(
        string? dataFolder = null,
        FakeTimeProvider? clock = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool withTopics = true)
    {
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("helplinebot-dialogs-").FullName;
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = DataFolder })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddOptions<Hosting.HelplineOptions>().BindConfiguration(Hosting.HelplineOptions.Section);
        collection.AddStorage();
        if (withTopics) collection.AddSingleton<ITopicSource, FakeTopicSource>();
        collection.AddDialogs();
        collection.AddTurns<HelplineConversation>();
        collection.AddSingleton(Sender);
        collection.AddSingleton<IChannelSender>(Sender);
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider();
        _provider.GetRequiredService<SqliteMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _provider.GetRequiredService<FlowCatalog>().Load();
    }

    public string DataFolder { get; }
    public FakeTimeProvider Clock { get; }
    public CapturingSender Sender { get; } = new();
    public IServiceProvider Services => _provider;
    public IAdvisorRequestStore Requests => _provider.GetRequiredService<IAdvisorRequestStore>();
    public TurnPipeline Pipeline => _provider.GetRequiredService<TurnPipeline>();

    public Activity Message(string text, string conversationId = "c1", string channelId = ChannelIds.Test, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? $"a{Interlocked.Increment(ref _nextId)}-{Guid.NewGuid():N}",
        ChannelId = channelId,
        ServiceUrl = "http://127.0.0.1/",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user-1", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Text = text,
    };

    /// <summary>Sends one message and returns the bot's replies to it (typing indicators left out).</summary>
    public async Task<Reply> SayAsync(string text, string conversationId = "c1", string channelId = ChannelIds.Test)
    {
        var result = await SendAsync(Message(text, conversationId, channelId));
        Assert.False(result.IsDuplicate);
        return Sender.TakeReplies(conversationId);
    }

    public Task<TurnResult> SendAsync(Activity activity) =>
        Pipeline.ProcessAsync(activity, CancellationToken.None).WaitAsync(Timeout);

    public async Task<Reply> JoinAsync(string conversationId = "c1", string channelId = ChannelIds.Test)
    {
        await SendAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = channelId,
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = "user-1" },
            Recipient = new ChannelAccount { Id = "bot" },
            MembersAdded = [new ChannelAccount { Id = "bot" }, new ChannelAccount { Id = "user-1" }],
        });
        return Sender.TakeReplies(conversationId);
    }

    public async Task<ConversationState?> ReadStateAsync(string conversationId = "c1", string channelId = ChannelIds.Test)
    {
        var stored = await _provider.GetRequiredService<IConversationStateStore>()
            .ReadAsync($"{channelId}/{conversationId}", CancellationToken.None).WaitAsync(Timeout);
        return stored is null ? null : System.Text.Json.JsonSerializer.Deserialize(stored.StateJson, DialogStateJsonContext.Default.ConversationState);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
