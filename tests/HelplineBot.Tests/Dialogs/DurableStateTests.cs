using HelplineBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.Tests.Dialogs;

/// <summary>State survives restarts, duplicates stay dropped, concurrent turns never interleave or overwrite.</summary>
public class DurableStateTests
{
    [Fact]
    public async Task NewInstance_SameDatabase_ContinuesQuestionnaireWhereItStopped()
    {
        string folder;
        await using (var first = new DialogTestHost())
        {
            folder = first.DataFolder;
            await first.SayAsync("self-check");
            await first.SayAsync("daily");
            await first.SayAsync("yes");
        }

        await using var second = new DialogTestHost(dataFolder: folder);
        var reply = await second.SayAsync("no");

        Assert.True(reply.Mentions("4/6"));
        var state = await second.ReadStateAsync();
        Assert.Equal("daily", state!.Answers["self-check.frequency"]);
        Assert.Equal("no", state.Answers["self-check.dailyLife"]);
    }

    [Fact]
    public async Task DuplicateActivity_AfterRestart_IsProcessedOnce()
    {
        var folder = Directory.CreateTempSubdirectory("helplinebot-dialogs-").FullName;
        HelplineBot.Protocol.Schema.Activity activity;
        await using (var first = new DialogTestHost(dataFolder: folder))
        {
            await first.SayAsync("self-check");
            activity = first.Message("daily", id: "retry-1");
            await first.SendAsync(activity);
            Assert.True(first.Sender.TakeReplies("c1").Mentions("2/6"));
        }

        // A new instance has an empty in-memory duplicate filter: only the stored ids catch the retry.
        await using var second = new DialogTestHost(dataFolder: folder);
        var result = await second.SendAsync(second.Message("daily", id: "retry-1"));

        Assert.False(result.IsDuplicate);
        Assert.True(second.Sender.TakeReplies("c1").IsEmpty);
        var next = await second.SayAsync("yes");
        Assert.True(next.Mentions("3/6"), "the question after 2/6 comes next: the retry did not advance the questionnaire");
    }

    [Fact]
    public async Task DuplicateActivity_SameInstance_IsDroppedByThePipeline()
    {
        await using var host = new DialogTestHost();
        await host.SendAsync(host.Message("menu", id: "m1"));
        host.Sender.TakeReplies("c1");

        var result = await host.SendAsync(host.Message("menu", id: "m1"));

        Assert.True(result.IsDuplicate);
        Assert.True(host.Sender.TakeReplies("c1").IsEmpty);
    }

    [Fact]
    public async Task TwoMessagesAtTheSameMoment_RunOneAfterTheOtherInArrivalOrder()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");

        await Task.WhenAll(host.SendAsync(host.Message("daily")), host.SendAsync(host.Message("yes")));

        var replies = host.Sender.TakeReplies("c1");
        Assert.True(replies.Mentions("2/6"));
        Assert.True(replies.Mentions("3/6"));
        Assert.True(replies.Text.IndexOf("2/6", StringComparison.Ordinal) < replies.Text.IndexOf("3/6", StringComparison.Ordinal));
        var state = await host.ReadStateAsync();
        Assert.Equal("yes", state!.Answers["self-check.triedToStop"]);
    }

    [Fact]
    public async Task ManyConversationsAtOnce_EachKeepsItsOwnState()
    {
        await using var host = new DialogTestHost();
        var conversations = Enumerable.Range(0, 20).Select(i => $"p{i}").ToArray();

        await Task.WhenAll(conversations.Select(c => host.SendAsync(host.Message("self-check", c))));
        await Task.WhenAll(conversations.Select((c, i) => host.SendAsync(host.Message(i % 2 == 0 ? "daily" : "weekly", c))));

        for (var i = 0; i < conversations.Length; i++)
        {
            var state = await host.ReadStateAsync(conversations[i]);
            Assert.Equal(i % 2 == 0 ? "daily" : "weekly", state!.Answers["self-check.frequency"]);
        }
    }

    [Fact]
    public async Task SaveConflict_FromAnotherInstance_ReRunsTurnAndRepliesOnce()
    {
        ConflictOnceStore? store = null;
        await using var host = new DialogTestHost(services: s =>
        {
            s.AddSingleton(sp => store = new ConflictOnceStore(new HelplineBot.Storage.Sqlite.SqliteConversationStateStore(
                sp.GetRequiredService<HelplineBot.Storage.Sqlite.SqliteDatabase>(), sp.GetRequiredService<TimeProvider>())));
            s.AddSingleton<IConversationStateStore>(sp => sp.GetRequiredService<ConflictOnceStore>());
        });
        await host.SayAsync("self-check");
        store!.FailNext = true;

        var reply = await host.SayAsync("daily");

        Assert.Equal(1, store.Conflicts);
        Assert.Equal(1, reply.Activities.Count(a => a.Text?.Contains("2/6", StringComparison.Ordinal) == true));
        Assert.Equal("daily", (await host.ReadStateAsync())!.Answers["self-check.frequency"]);
    }

    [Fact]
    public async Task StoreSave_WithStaleVersion_IsAConflictAndKeepsTheWinner()
    {
        await using var host = new DialogTestHost();
        var store = host.Services.GetRequiredService<IConversationStateStore>();

        var created = await store.SaveAsync("k", "{\"a\":1}", 0, CancellationToken.None);
        var winner = await store.SaveAsync("k", "{\"a\":2}", created.Version, CancellationToken.None);
        var loser = await store.SaveAsync("k", "{\"a\":3}", created.Version, CancellationToken.None);
        var secondCreate = await store.SaveAsync("k", "{\"a\":4}", 0, CancellationToken.None);

        Assert.False(created.IsConflict);
        Assert.Equal(2, winner.Version);
        Assert.True(loser.IsConflict);
        Assert.True(secondCreate.IsConflict);
        var stored = await store.ReadAsync("k", CancellationToken.None);
        Assert.Equal("{\"a\":2}", stored!.StateJson);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task StoredState_IsTypedJsonWithSchemaVersion()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");

        var stored = await host.Services.GetRequiredService<IConversationStateStore>().ReadAsync("test/c1", CancellationToken.None);

        using var json = System.Text.Json.JsonDocument.Parse(stored!.StateJson);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("self-check", json.RootElement.GetProperty("stack")[0].GetProperty("dialogId").GetString());
        Assert.Equal("frequency", json.RootElement.GetProperty("stack")[0].GetProperty("stepId").GetString());
    }

    /// <summary>Simulates another instance saving first: the next save is refused once.</summary>
    private sealed class ConflictOnceStore(IConversationStateStore inner) : IConversationStateStore
    {
        public bool FailNext { get; set; }
        public int Conflicts { get; private set; }

        public Task<StoredConversationState?> ReadAsync(string conversationKey, CancellationToken cancellationToken) =>
            inner.ReadAsync(conversationKey, cancellationToken);

        public Task<StateSaveResult> SaveAsync(string conversationKey, string stateJson, long expectedVersion, CancellationToken cancellationToken)
        {
            if (!FailNext) return inner.SaveAsync(conversationKey, stateJson, expectedVersion, cancellationToken);
            FailNext = false;
            Conflicts++;
            return Task.FromResult(StateSaveResult.Conflict);
        }
    }
}
