using HelplineBot.Handoff;

namespace HelplineBot.Tests.Handoff;

public class HandoffStoreTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static VisitorAddress Visitor(string conversation) => new("directline", conversation, null, "dl_" + conversation);

    private static Task<(HandoffEntry Entry, bool IsNew)> QueueAsync(HandoffStore sut, string conversation, HandoffReason reason, DateTimeOffset at) =>
        sut.EnqueueAsync(Visitor(conversation), reason, reason == HandoffReason.Crisis ? "crisis_suicide" : null, HandoffContext.Empty, Actor.Bot, at, CancellationToken.None);

    [Fact]
    public async Task ListOpen_CrisisAndRequests_CrisisFirstThenLongestWait()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);
        await QueueAsync(sut, "b", HandoffReason.PersonRequested, T0.AddSeconds(10));
        await QueueAsync(sut, "c", HandoffReason.Crisis, T0.AddSeconds(20));
        await QueueAsync(sut, "d", HandoffReason.Crisis, T0.AddSeconds(5));

        var order = (await sut.ListOpenAsync(CancellationToken.None)).Select(e => e.Visitor.ConversationId);

        Assert.Equal(["d", "c", "a", "b"], order);
    }

    [Fact]
    public async Task ListOpen_ArrivalsInTheSameMillisecond_KeepArrivalOrder()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        string[] arrivals = ["e", "b", "d", "a", "c"];
        foreach (var conversation in arrivals) await QueueAsync(sut, conversation, HandoffReason.PersonRequested, T0);

        var order = (await sut.ListOpenAsync(CancellationToken.None)).Select(e => e.Visitor.ConversationId);

        Assert.Equal(arrivals, order);
    }

    [Fact]
    public async Task Enqueue_SecondRequestOfTheSameConversation_JoinsTheFirst()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (first, firstIsNew) = await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);

        var (second, secondIsNew) = await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0.AddMinutes(1));

        Assert.True(firstIsNew);
        Assert.False(secondIsNew);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(await sut.ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Enqueue_CrisisWhileQueued_RaisesPriorityAndKeepsEvidence()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);
        await QueueAsync(sut, "b", HandoffReason.PersonRequested, T0.AddSeconds(1));

        var context = new HandoffContext { SafetyEvidence = ["the person's words"], SafetyLabel = "crisis_overdose_medical" };
        var (raised, _) = await sut.EnqueueAsync(Visitor("b"), HandoffReason.Crisis, "crisis_overdose_medical", context, Actor.Bot, T0.AddMinutes(1), CancellationToken.None);

        Assert.True(raised.IsCrisis);
        Assert.Equal(HandoffReason.Crisis, raised.Reason);
        Assert.Equal(["the person's words"], raised.Context.SafetyEvidence);
        Assert.Equal(T0.AddSeconds(1), raised.QueuedAt);
        Assert.Equal("b", (await sut.ListOpenAsync(CancellationToken.None))[0].Visitor.ConversationId);
    }

    [Fact]
    public async Task Transitions_EveryMove_IsStoredWithTimeAndActor()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (entry, _) = await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);

        await sut.ClaimAsync(entry.Id, "adv1", "Sam Lee", T0.AddSeconds(30), CancellationToken.None);
        await sut.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Active, Actor.Advisor("adv1")), T0.AddSeconds(31), CancellationToken.None);
        await sut.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Ended, Actor.Advisor("adv1")), T0.AddMinutes(10), CancellationToken.None);

        var transitions = await sut.ReadTransitionsAsync(entry.Id, CancellationToken.None);
        Assert.Equal(
            [
                new StoredTransition(null, HandoffState.Queued, "bot", T0),
                new StoredTransition(HandoffState.Queued, HandoffState.Assigned, "advisor:adv1", T0.AddSeconds(30)),
                new StoredTransition(HandoffState.Assigned, HandoffState.Active, "advisor:adv1", T0.AddSeconds(31)),
                new StoredTransition(HandoffState.Active, HandoffState.Ended, "advisor:adv1", T0.AddMinutes(10)),
            ],
            transitions);
        var ended = await sut.GetAsync(entry.Id, CancellationToken.None);
        Assert.Equal(T0.AddMinutes(10), ended!.ClosedAt);
        Assert.Equal(T0.AddSeconds(30), ended.AssignedAt);
    }

    [Fact]
    public async Task Transition_NotAllowedFromTheCurrentState_IsRefusedAndNothingStored()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (entry, _) = await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);

        var result = await sut.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Active, Actor.Advisor("adv1")), T0, CancellationToken.None);

        Assert.False(result.IsDone);
        Assert.Equal(HandoffState.Queued, (await sut.GetAsync(entry.Id, CancellationToken.None))!.State);
        Assert.Single(await sut.ReadTransitionsAsync(entry.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Transition_ByAnAdvisorWhoDoesNotHoldIt_IsRefused()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (entry, _) = await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);
        await sut.ClaimAsync(entry.Id, "adv1", "Sam Lee", T0, CancellationToken.None);

        var result = await sut.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Ended, Actor.Advisor("adv2")) { RequiredAdvisorId = "adv2" }, T0, CancellationToken.None);

        Assert.False(result.IsDone);
    }

    [Fact]
    public async Task Transition_DecidedOnAStaleRead_IsRefusedOnceAnAdvisorHasAccepted()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (seenQueued, _) = await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);
        await sut.ClaimAsync(seenQueued.Id, "adv1", "Sam Lee", T0.AddSeconds(1), CancellationToken.None);
        await sut.TransitionAsync(seenQueued.Id, new HandoffChange(HandoffState.Active, Actor.Advisor("adv1")), T0.AddSeconds(1), CancellationToken.None);

        var result = await sut.TransitionAsync(seenQueued.Id,
            new HandoffChange(HandoffState.Abandoned, Actor.System) { ExpectedState = seenQueued.State }, T0.AddSeconds(2), CancellationToken.None);

        Assert.False(result.IsDone);
        Assert.Equal(HandoffState.Active, (await sut.GetAsync(seenQueued.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task ListCrisisLeft_OnlyAbandonedCrisesSinceTheGivenTime_LatestFirst()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (early, _) = await QueueAsync(sut, "early", HandoffReason.Crisis, T0);
        var (late, _) = await QueueAsync(sut, "late", HandoffReason.Crisis, T0);
        var (request, _) = await QueueAsync(sut, "request", HandoffReason.PersonRequested, T0);
        var (old, _) = await QueueAsync(sut, "old", HandoffReason.Crisis, T0.AddDays(-2));
        await QueueAsync(sut, "waiting", HandoffReason.Crisis, T0);
        foreach (var (entry, at) in new[] { (early, T0.AddMinutes(5)), (late, T0.AddMinutes(9)), (request, T0.AddMinutes(5)), (old, T0.AddDays(-2)) })
            await sut.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Abandoned, Actor.System), at, CancellationToken.None);

        var left = await sut.ListCrisisLeftAsync(T0.AddDays(-1), CancellationToken.None);

        Assert.Equal(["late", "early"], left.Select(e => e.Visitor.ConversationId));
    }

    [Fact]
    public async Task Claim_ManyAdvisorsAtOnce_ExactlyOneWins()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (entry, _) = await QueueAsync(sut, "a", HandoffReason.Crisis, T0);
        using var start = new Barrier(8);

        var claims = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait(Timeout);
            return (Advisor: $"adv{i}", Result: await sut.ClaimAsync(entry.Id, $"adv{i}", $"Advisor {i}", T0, CancellationToken.None));
        })).ToArray();
        var results = await Task.WhenAll(claims).WaitAsync(Timeout);

        var winners = results.Where(r => r.Result.IsWon).ToArray();
        Assert.Single(winners);
        var stored = await sut.GetAsync(entry.Id, CancellationToken.None);
        Assert.Equal(winners[0].Advisor, stored!.AdvisorId);
        Assert.Equal(2, (await sut.ReadTransitionsAsync(entry.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Claim_TransferredToAColleague_OnlyThatColleagueCanTakeIt()
    {
        await using var db = await TempDatabase.CreateAsync();
        var sut = new HandoffStore(db.Database);
        var (entry, _) = await QueueAsync(sut, "a", HandoffReason.PersonRequested, T0);
        await sut.ClaimAsync(entry.Id, "adv1", "Sam Lee", T0, CancellationToken.None);
        await sut.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Transferred, Actor.Advisor("adv1")) { TransferTo = "adv2" }, T0, CancellationToken.None);

        var stranger = await sut.ClaimAsync(entry.Id, "adv3", "Kim Park", T0, CancellationToken.None);
        var colleague = await sut.ClaimAsync(entry.Id, "adv2", "Alex Diaz", T0, CancellationToken.None);

        Assert.False(stranger.IsWon);
        Assert.True(colleague.IsWon);
        Assert.Equal("Alex Diaz", colleague.Entry!.AdvisorName);
        Assert.Equal(HandoffState.Transferred, (await sut.ReadTransitionsAsync(entry.Id, CancellationToken.None))[^1].From);
    }
}
