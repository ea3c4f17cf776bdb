using HelplineBot.Handoff;

namespace HelplineBot.Tests.Handoff;

public class HandoffRecordsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static async Task<HandoffEntry> HandledAsync(HandoffStore store, string conversation, HandoffReason reason, DateTimeOffset at)
    {
        var (entry, _) = await store.EnqueueAsync(new VisitorAddress("directline", conversation, null, "u"), reason, null, HandoffContext.Empty, Actor.Bot, at, CancellationToken.None);
        return (await store.ClaimAsync(entry.Id, "adv1", "Sam Lee", at.AddSeconds(10), CancellationToken.None)).Entry!;
    }

    [Fact]
    public async Task AppendMessage_FirstAdvisorReply_WritesOneServiceLevelRecordAgainstTheTarget()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new HandoffStore(db.Database);
        var sut = new HandoffRecords(db.Database);
        var crisis = await HandledAsync(store, "a", HandoffReason.Crisis, T0);
        var request = await HandledAsync(store, "b", HandoffReason.PersonRequested, T0);

        await sut.AppendMessageAsync(crisis, new RelayedMessage(RelayedMessage.Advisor, "Sam", "hi", T0.AddSeconds(90)), TimeSpan.FromMinutes(1), CancellationToken.None);
        await sut.AppendMessageAsync(crisis, new RelayedMessage(RelayedMessage.Advisor, "Sam", "again", T0.AddSeconds(100)), TimeSpan.FromMinutes(1), CancellationToken.None);
        await sut.AppendMessageAsync(request, new RelayedMessage(RelayedMessage.Advisor, "Sam", "hi", T0.AddSeconds(30)), TimeSpan.FromMinutes(5), CancellationToken.None);

        var figures = await sut.FiguresAsync(T0.AddMinutes(5), T0.AddHours(-1), CancellationToken.None);
        Assert.Equal(new ServiceLevelCount(0, 1), figures.Crisis);
        Assert.Equal(new ServiceLevelCount(1, 0), figures.NonCrisis);
        Assert.Equal(TimeSpan.FromSeconds(60), figures.MedianFirstReply);
        Assert.Equal(2, figures.ActiveChats);
        Assert.Equal(2, (await sut.ReadMessagesAsync(crisis.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Figures_QueueAndLongestWait_CountOnlyQueuedPeople()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new HandoffStore(db.Database);
        var sut = new HandoffRecords(db.Database);
        await store.EnqueueAsync(new VisitorAddress("directline", "a", null, "u"), HandoffReason.PersonRequested, null, HandoffContext.Empty, Actor.Bot, T0, CancellationToken.None);
        await store.EnqueueAsync(new VisitorAddress("directline", "b", null, "u"), HandoffReason.PersonRequested, null, HandoffContext.Empty, Actor.Bot, T0.AddMinutes(2), CancellationToken.None);
        await HandledAsync(store, "c", HandoffReason.PersonRequested, T0.AddMinutes(-30));

        var figures = await sut.FiguresAsync(T0.AddMinutes(3), T0.AddHours(-1), CancellationToken.None);

        Assert.Equal(2, figures.QueueLength);
        Assert.Equal(TimeSpan.FromMinutes(3), figures.LongestWait);
        Assert.Equal(1, figures.ActiveChats);
        Assert.Null(figures.MedianFirstReply);
    }

    [Fact]
    public async Task Figures_PeopleWhoLeftToday_AreCountedWithTheCrisesAmongThem()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new HandoffStore(db.Database);
        var sut = new HandoffRecords(db.Database);
        async Task LeaveAsync(string conversation, HandoffReason reason, DateTimeOffset at)
        {
            var (entry, _) = await store.EnqueueAsync(new VisitorAddress("directline", conversation, null, "u"), reason, null, HandoffContext.Empty, Actor.Bot, at, CancellationToken.None);
            await store.TransitionAsync(entry.Id, new HandoffChange(HandoffState.Abandoned, Actor.System), at.AddMinutes(4), CancellationToken.None);
        }
        await LeaveAsync("crisis", HandoffReason.Crisis, T0);
        await LeaveAsync("request", HandoffReason.PersonRequested, T0);
        await LeaveAsync("yesterday", HandoffReason.Crisis, T0.AddDays(-1));

        var figures = await sut.FiguresAsync(T0.AddMinutes(10), T0.AddHours(-1), CancellationToken.None);

        Assert.Equal(2, figures.LeftToday);
        Assert.Equal(1, figures.CrisisLeftToday);
        Assert.Equal(0, figures.QueueLength);
        Assert.Equal(0, figures.HandledToday);
    }

    [Fact]
    public async Task RecentWaits_OnlyAssignedHandoffsInTheWindow()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = new HandoffStore(db.Database);
        var sut = new HandoffRecords(db.Database);
        await HandledAsync(store, "old", HandoffReason.PersonRequested, T0.AddDays(-10));
        await HandledAsync(store, "new", HandoffReason.PersonRequested, T0);
        await store.EnqueueAsync(new VisitorAddress("directline", "waiting", null, "u"), HandoffReason.PersonRequested, null, HandoffContext.Empty, Actor.Bot, T0, CancellationToken.None);

        var waits = await sut.RecentWaitsAsync(T0.AddDays(-7), 100, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(10)], waits);
    }
}
