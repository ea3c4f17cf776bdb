using HelplineBot.Channels.DirectLine;
using HelplineBot.Handoff;
using HelplineBot.Protocol.Schema;
using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using HelplineBot.Tests.Handoff;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.Tests.Storage;

/// <summary>
/// A migrated database with the real stores on a fake clock, and whole conversations as a helpline leaves them:
/// the Direct Line log, dialog state, call back requests and handoffs with their messages and audit rows.
/// Everything personal carries <see cref="Marker"/> or <see cref="Phone"/>, so a test can look for them anywhere.
/// </summary>
internal sealed class RetentionScene : IAsyncDisposable
{
    public const string Marker = "Zanzibar7341";
    public const string Phone = "+15550107341";
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private RetentionScene(TempDatabase db, FakeTimeProvider clock)
    {
        Db = db;
        Clock = clock;
        DirectLine = new DirectLineStore(db.Database, clock);
        Conversations = new DirectLineConversations(DirectLine, clock, NullLogger<DirectLineConversations>.Instance);
        States = new SqliteConversationStateStore(db.Database, clock);
        Requests = new SqliteAdvisorRequestStore(db.Database);
        Handoffs = new HandoffStore(db.Database);
        Records = new HandoffRecords(db.Database);
    }

    public TempDatabase Db { get; }
    public FakeTimeProvider Clock { get; }
    public DirectLineStore DirectLine { get; }
    public DirectLineConversations Conversations { get; }
    public SqliteConversationStateStore States { get; }
    public SqliteAdvisorRequestStore Requests { get; }
    public HandoffStore Handoffs { get; }
    public HandoffRecords Records { get; }

    public static async Task<RetentionScene> CreateAsync(FakeTimeProvider? clock = null) =>
        new(await TempDatabase.CreateAsync(), clock ?? new FakeTimeProvider(T0));

    /// <summary>Every kind of record the app registers, on this scene's database.</summary>
    public IReadOnlyList<IExpiringRecords> AllKinds() =>
    [
        new ExpiredHandoffs(Db.Database),
        new ExpiredDirectLineConversations(Db.Database, Conversations),
        .. ExpiredRows.Tables.Select(table => new ExpiredRows(Db.Database, table)),
    ];

    /// <summary>The job with 90 days' retention, no pause between batches unless the schedule says so.</summary>
    public RetentionJob Job(RetentionSchedule? schedule = null, IReadOnlyList<IExpiringRecords>? kinds = null) =>
        new(kinds ?? AllKinds(), [new OpenHandoffConversations(Db.Database)],
            Options.Create(new StorageOptions { DataFolder = "unused", RetainConversationsFor = TimeSpan.FromDays(90) }),
            schedule ?? new RetentionSchedule { PauseBetweenBatches = TimeSpan.Zero }, Clock, NullLogger<RetentionJob>.Instance);

    public static string Key(string conversationId) => $"directline/{conversationId}";

    /// <summary>A Web Chat conversation: the person's words, the bot's reply and the dialog state with their answers.</summary>
    public async Task WebChatAsync(string conversationId)
    {
        await DirectLine.CreateConversationAsync(conversationId, "dl_" + conversationId, None);
        await Conversations.AppendAsync(conversationId, Message(RoleTypes.User, $"I am {Marker} and I use every night"), None);
        await Conversations.AppendAsync(conversationId, Message(RoleTypes.Bot, "Thank you for telling me."), None);
        await States.SaveAsync(Key(conversationId), $$"""{"answers":{"name":"{{Marker}}"},"recentActivityIds":["a1"]}""", 0, None);
    }

    /// <summary>A chat with an advisor: context, messages both ways, audit rows, a first reply; ended unless <paramref name="end"/> is false.</summary>
    public async Task<string> AdvisorChatAsync(string conversationId, HandoffReason reason = HandoffReason.PersonRequested, bool end = true)
    {
        var now = Clock.GetUtcNow();
        var context = new HandoffContext
        {
            Name = Marker,
            Answers = new Dictionary<string, string> { ["amount"] = Marker },
            SafetyEvidence = reason == HandoffReason.Crisis ? [$"{Marker} wants to end it"] : [],
        };
        var (entry, _) = await Handoffs.EnqueueAsync(Visitor(conversationId), reason, reason == HandoffReason.Crisis ? "crisis_suicide" : null, context, Actor.Bot, now, None);
        var claimed = (await Handoffs.ClaimAsync(entry.Id, "adv1", "Sam Lee", now.AddSeconds(20), None)).Entry!;
        await Records.AuditAsync("adv1", entry.Id, AuditRecord.Accept, now.AddSeconds(20), None);
        await Records.AuditAsync("adv1", entry.Id, AuditRecord.View, now.AddSeconds(21), None);
        await Records.AppendMessageAsync(claimed, new RelayedMessage(RelayedMessage.Advisor, "Sam", "Hello, I am Sam.", now.AddSeconds(40)), TimeSpan.FromMinutes(1), None);
        await Records.AppendMessageAsync(claimed, new RelayedMessage(RelayedMessage.Visitor, Marker, $"{Marker} here, call me on {Phone}", now.AddSeconds(60)), TimeSpan.FromMinutes(1), None);
        await Records.AuditAsync("adv1", entry.Id, AuditRecord.Write, now.AddSeconds(40), None);
        if (end)
        {
            await Handoffs.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Ended, Actor.Advisor("adv1")), now.AddMinutes(10), None);
            await Records.AuditAsync("adv1", entry.Id, AuditRecord.End, now.AddMinutes(10), None);
        }
        return entry.Id;
    }

    /// <summary>A call back request as the dialogs store it and the queue shows it; made (ended) when <paramref name="made"/>.</summary>
    public async Task<string> CallbackAsync(string conversationId, bool made)
    {
        var now = Clock.GetUtcNow();
        await Requests.AddCallbackAsync(new CallbackRequest(Key(conversationId), "act-callback", Marker, Phone, "evenings", true,
            new Dictionary<string, string> { ["amount"] = Marker }, now), None);
        var (entry, _) = await Handoffs.EnqueueAsync(Visitor(conversationId), HandoffReason.Callback, null,
            new HandoffContext { Name = Marker }, Actor.Visitor, now, None);
        await Handoffs.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Callback, Actor.Visitor) { CallbackPhone = Phone }, now, None);
        if (made) await Handoffs.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Ended, Actor.Advisor("adv1")), now.AddHours(2), None);
        return entry.Id;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Db.Database.OpenAsync(None);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(None))!;
    }

    /// <summary>The database file's bytes after a full checkpoint, as someone copying the file would have them.</summary>
    public async Task<string> FileTextAsync()
    {
        await using (var connection = await Db.Database.OpenAsync(None))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(None);
        }
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Db.Database.FilePath);
        var wal = Db.Database.FilePath + "-wal";
        if (File.Exists(wal)) bytes = [.. bytes, .. await File.ReadAllBytesAsync(wal)];
        return System.Text.Encoding.Latin1.GetString(bytes);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    private static VisitorAddress Visitor(string conversationId) => new("directline", conversationId, null, "dl_" + conversationId);

    private static Activity Message(string role, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount { Id = role == RoleTypes.Bot ? "helpline-bot" : "dl_visitor", Role = role },
    };
}
