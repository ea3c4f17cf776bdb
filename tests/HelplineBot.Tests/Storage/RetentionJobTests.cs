using HelplineBot.Handoff;
using HelplineBot.Storage;
using Microsoft.Extensions.Time.Testing;

using static HelplineBot.Tests.Storage.RetentionScene;

namespace HelplineBot.Tests.Storage;

public class RetentionJobTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PastThePeriod = TimeSpan.FromDays(91);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunOnce_OldClosedConversation_TextsStateAndPhoneNumbersAreGone()
    {
        await using var scene = await CreateAsync();
        await scene.WebChatAsync("old");
        var chat = await scene.AdvisorChatAsync("old", HandoffReason.Crisis);
        var callback = await scene.CallbackAsync("old-callback", made: true);
        await scene.Requests.AddAdvisorRequestAsync(new AdvisorRequest(Key("old"), "act-person", "person-requested",
            new Dictionary<string, string> { ["amount"] = Marker }, T0), None);
        await scene.Requests.RecordFeedbackAsync(Key("old"), "act-feedback", helpful: true, T0, None);
        scene.Clock.Advance(PastThePeriod);

        await scene.Job().RunOnceAsync(None);

        Assert.Null(await scene.DirectLine.FindConversationAsync("old", None));
        Assert.Empty(await scene.DirectLine.ReadAfterAsync("old", 0, 100, None));
        Assert.Null(await scene.States.ReadAsync(Key("old"), None));
        Assert.Empty(await scene.Requests.ListOpenCallbacksAsync(None));
        Assert.Equal(0, await scene.CountAsync("SELECT COUNT(*) FROM advisor_requests") + await scene.CountAsync("SELECT COUNT(*) FROM conversation_feedback"));
        foreach (var id in new[] { chat, callback })
        {
            var entry = (await scene.Handoffs.GetAsync(id, None))!;
            Assert.Null(entry.Context.Name);
            Assert.Empty(entry.Context.Answers);
            Assert.Empty(entry.Context.SafetyEvidence);
            Assert.Null(entry.CallbackPhone);
            Assert.Null(entry.Visitor.VisitorId);
            Assert.Empty(await scene.Records.ReadMessagesAsync(id, None));
        }
        // Not only unreadable through the stores: not left in the file's free space either (secure_delete).
        var file = await scene.FileTextAsync();
        Assert.DoesNotContain(Marker, file, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_ConversationsStillOpen_AreUntouchedHoweverOld()
    {
        await using var scene = await CreateAsync();
        await scene.WebChatAsync("waiting");
        var waiting = await scene.AdvisorChatAsync("waiting", end: false);
        await scene.WebChatAsync("callback");
        var callback = await scene.CallbackAsync("callback", made: false);
        scene.Clock.Advance(PastThePeriod);

        var round = await scene.Job().RunOnceAsync(None);

        Assert.Equal(0, round.Total);
        foreach (var conversation in new[] { "waiting", "callback" })
        {
            Assert.Equal(2, (await scene.DirectLine.ReadAfterAsync(conversation, 0, 100, None)).Count);
            Assert.Contains(Marker, (await scene.States.ReadAsync(Key(conversation), None))!.StateJson, StringComparison.Ordinal);
        }
        Assert.Equal(Marker, (await scene.Handoffs.GetAsync(waiting, None))!.Context.Name);
        Assert.Equal(2, (await scene.Records.ReadMessagesAsync(waiting, None)).Count);
        Assert.Equal(Phone, (await scene.Handoffs.GetAsync(callback, None))!.CallbackPhone);
        Assert.Equal(Phone, Assert.Single(await scene.Requests.ListOpenCallbacksAsync(None)).PhoneE164);
    }

    [Fact]
    public async Task RunOnce_RecentConversations_AreUntouched()
    {
        await using var scene = await CreateAsync();
        await scene.WebChatAsync("returning");
        scene.Clock.Advance(TimeSpan.FromDays(80));
        // Created long ago, written in eleven days ago (a turn: a new activity and the state saved again).
        await scene.Conversations.AppendAsync("returning", new() { Type = "message", Text = "back again" }, None);
        await scene.States.SaveAsync(Key("returning"), "{}", 1, None);
        await scene.WebChatAsync("recent");
        var chat = await scene.AdvisorChatAsync("recent");
        await scene.CallbackAsync("recent-callback", made: true);
        scene.Clock.Advance(TimeSpan.FromDays(11));

        var round = await scene.Job().RunOnceAsync(None);

        Assert.Equal(0, round.Total);
        Assert.Equal(3, (await scene.DirectLine.ReadAfterAsync("returning", 0, 100, None)).Count);
        Assert.Equal(2, (await scene.DirectLine.ReadAfterAsync("recent", 0, 100, None)).Count);
        Assert.NotNull(await scene.States.ReadAsync(Key("recent"), None));
        Assert.Equal(Marker, (await scene.Handoffs.GetAsync(chat, None))!.Context.Name);
        Assert.Single(await scene.Requests.ListOpenCallbacksAsync(None));
    }

    [Fact]
    public async Task RunOnce_SupervisorFiguresForAnOldDay_AreUnchanged()
    {
        await using var scene = await CreateAsync();
        await scene.AdvisorChatAsync("crisis", HandoffReason.Crisis);
        await scene.AdvisorChatAsync("request");
        await scene.CallbackAsync("called-back", made: true);
        var (left, _) = await scene.Handoffs.EnqueueAsync(new VisitorAddress("directline", "left", null, "dl_left"), HandoffReason.Crisis, "crisis_overdose",
            new HandoffContext { Name = Marker }, Actor.Bot, T0, None);
        await scene.Handoffs.TransitionAsync(left.Id, new HandoffChange(HandoffState.Abandoned, Actor.System), T0.AddMinutes(3), None);
        await scene.AdvisorChatAsync("still-open", end: false);
        scene.Clock.Advance(PastThePeriod);
        var now = scene.Clock.GetUtcNow();
        var day = new DateTimeOffset(T0.Date, TimeSpan.Zero);
        var figures = await scene.Records.FiguresAsync(now, day, None);
        var waits = await scene.Records.RecentWaitsAsync(day, 100, None);
        var crisisLeft = await scene.Handoffs.ListCrisisLeftAsync(day, None);
        var transitions = await scene.Handoffs.ReadTransitionsAsync(left.Id, None);

        await scene.Job().RunOnceAsync(None);

        Assert.Equal(figures, await scene.Records.FiguresAsync(now, day, None));
        Assert.Equal(waits, await scene.Records.RecentWaitsAsync(day, 100, None));
        Assert.Equal(transitions, await scene.Handoffs.ReadTransitionsAsync(left.Id, None));
        var stillListed = Assert.Single(await scene.Handoffs.ListCrisisLeftAsync(day, None));
        Assert.Equal((crisisLeft[0].Id, crisisLeft[0].CrisisCategory, crisisLeft[0].ClosedAt), (stillListed.Id, stillListed.CrisisCategory, stillListed.ClosedAt));
        Assert.Null(stillListed.Context.Name);
        // The numbers were not trivially zero: three first replies within target, one crisis left, one chat still open.
        Assert.Equal((3, 1, 1), (figures.Crisis.Met + figures.NonCrisis.Met, figures.CrisisLeftToday, figures.ActiveChats));
    }

    [Fact]
    public async Task RunOnce_AuditLog_KeepsWhoWhenAndWhichConversationWithoutText()
    {
        await using var scene = await CreateAsync();
        var chat = await scene.AdvisorChatAsync("audited");
        scene.Clock.Advance(PastThePeriod);
        var audit = await scene.Records.ReadAuditAsync(T0.AddDays(-1), None);

        await scene.Job().RunOnceAsync(None);

        var after = await scene.Records.ReadAuditAsync(T0.AddDays(-1), None);
        Assert.Equal(audit, after);
        Assert.Equal(4, after.Count);
        Assert.All(after, row => Assert.Equal((chat, "adv1"), (row.HandoffId, row.AdvisorId)));
        var entry = (await scene.Handoffs.GetAsync(chat, None))!;
        Assert.Equal(("directline", "audited", "adv1", HandoffState.Ended), (entry.Visitor.ChannelId, entry.Visitor.ConversationId, entry.AdvisorId, entry.State));
        Assert.Empty(await scene.Records.ReadMessagesAsync(chat, None));
    }

    [Fact]
    public async Task RunOnce_SecondRun_RemovesNothingMore()
    {
        await using var scene = await CreateAsync();
        await scene.WebChatAsync("old");
        await scene.AdvisorChatAsync("old");
        await scene.CallbackAsync("old", made: true);
        scene.Clock.Advance(PastThePeriod);
        var first = await scene.Job().RunOnceAsync(None);
        var handoffs = await scene.CountAsync("SELECT COUNT(*) FROM handoffs WHERE redacted_at IS NOT NULL");

        scene.Clock.Advance(TimeSpan.FromHours(1));
        var second = await scene.Job().RunOnceAsync(None);

        Assert.Equal(new Dictionary<string, int>
        {
            ["handoffs"] = 2, ["directline-conversations"] = 1, ["conversation-states"] = 1,
            ["callback-requests"] = 1, ["advisor-requests"] = 0, ["feedback-answers"] = 0,
        }, first.Removed);
        Assert.Equal(0, second.Total);
        Assert.Equal(2, handoffs);
        Assert.Equal(2, await scene.CountAsync("SELECT COUNT(*) FROM handoffs WHERE redacted_at IS NOT NULL"));
        Assert.Equal(4, await scene.CountAsync("SELECT COUNT(*) FROM handoff_audit"));
    }

    [Fact]
    public async Task RunOnce_StoppedBetweenBatches_LeavesWholeRecordsAndTheNextRoundGoesOn()
    {
        var clock = new PauseSignallingClock(T0);
        await using var scene = await CreateAsync(clock);
        foreach (var n in Enumerable.Range(1, 5)) await scene.WebChatAsync($"old-{n}");
        clock.Advance(PastThePeriod);
        var kinds = scene.AllKinds().Where(k => k.Kind == "directline-conversations").ToArray();
        using var stop = new CancellationTokenSource();

        var round = scene.Job(new RetentionSchedule { BatchSize = 2, PauseBetweenBatches = TimeSpan.FromSeconds(1) }, kinds).RunOnceAsync(stop.Token);
        await clock.Paused.Task.WaitAsync(Timeout);
        var afterFirstBatch = await scene.CountAsync("SELECT COUNT(*) FROM directline_conversations");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => round.WaitAsync(Timeout));

        Assert.Equal(3, afterFirstBatch);
        // Whatever is left is whole: every remaining conversation still has both its activities.
        Assert.Equal(6, await scene.CountAsync("SELECT COUNT(*) FROM directline_activities"));
        var next = await scene.Job(new RetentionSchedule { BatchSize = 2, PauseBetweenBatches = TimeSpan.Zero }, kinds).RunOnceAsync(None);
        Assert.Equal(3, next.Total);
        Assert.Equal(0, await scene.CountAsync("SELECT COUNT(*) FROM directline_activities"));
    }

    [Fact]
    public async Task RunOnce_OneKindFails_TheOthersStillRun()
    {
        await using var scene = await CreateAsync();
        await scene.WebChatAsync("old");
        scene.Clock.Advance(PastThePeriod);

        var round = await scene.Job(kinds: [new FailingKind(), .. scene.AllKinds()]).RunOnceAsync(None);

        Assert.Equal(1, round.Removed["directline-conversations"]);
        Assert.False(round.Removed.ContainsKey("failing"));
    }

    [Fact]
    public async Task Job_RunsSoonAfterStart_ThenEveryHour()
    {
        var clock = new PauseSignallingClock(T0);
        await using var scene = await CreateAsync(clock);
        var kind = new CountingKind();
        var sut = scene.Job(new RetentionSchedule { PauseBetweenBatches = TimeSpan.Zero }, [kind]);

        await sut.StartAsync(None);
        try
        {
            // ExecuteAsync starts on a background thread: move the clock only once it waits for its first round.
            await clock.Paused.Task.WaitAsync(Timeout);
            scene.Clock.Advance(TimeSpan.FromSeconds(59));
            Assert.Equal(0, kind.Calls);
            scene.Clock.Advance(TimeSpan.FromSeconds(1));
            await kind.WaitForCallAsync(1).WaitAsync(Timeout);
            scene.Clock.Advance(TimeSpan.FromMinutes(59));
            Assert.Equal(1, kind.Calls);
            scene.Clock.Advance(TimeSpan.FromMinutes(1));
            await kind.WaitForCallAsync(2).WaitAsync(Timeout);
        }
        finally
        {
            await sut.StopAsync(None);
        }
    }

    /// <summary>A fake clock that tells when something first starts waiting on it (the job's first delay or a pause between batches).</summary>
    private sealed class PauseSignallingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > TimeSpan.Zero) Paused.TrySetResult();
            return timer;
        }
    }

    private sealed class FailingKind : IExpiringRecords
    {
        public string Kind => "failing";

        public Task<int> PurgeBatchAsync(RetentionBatch batch, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("storage is down");
    }

    private sealed class CountingKind : IExpiringRecords
    {
        private readonly List<(int Calls, TaskCompletionSource Reached)> _waiters = [];
        private int _calls;

        public string Kind => "counting";

        public int Calls => Volatile.Read(ref _calls);

        public Task<int> PurgeBatchAsync(RetentionBatch batch, CancellationToken cancellationToken)
        {
            var calls = Interlocked.Increment(ref _calls);
            lock (_waiters)
            {
                foreach (var waiter in _waiters.Where(w => w.Calls <= calls)) waiter.Reached.TrySetResult();
            }
            return Task.FromResult(0);
        }

        public Task WaitForCallAsync(int calls)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiters)
            {
                if (Calls >= calls) return Task.CompletedTask;
                _waiters.Add((calls, reached));
            }
            return reached.Task;
        }
    }
}
