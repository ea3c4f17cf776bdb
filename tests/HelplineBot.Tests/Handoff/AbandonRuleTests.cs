using HelplineBot.Channels;
using HelplineBot.Handoff;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Handoff;

public class AbandonRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(3);

    private static HandoffEntry Entry(HandoffState state, string? visitorId = "29:visitor") => new(
        "h1", new VisitorAddress("msteams", "a:conversation", "https://smba.example/amer/", visitorId, "28:helpline-bot"),
        HandoffReason.PersonRequested, null, 1, state, null, null, null, HandoffContext.Empty, null, Now.AddMinutes(-10), null, null, null);

    private static PresenceSignal GoneFor(TimeSpan absence) => new(false, Now - absence);

    [Fact]
    public void ShouldAbandon_QueuedAndGoneForTheGracePeriod_IsTrue() =>
        Assert.True(AbandonRule.ShouldAbandon(Entry(HandoffState.Queued), GoneFor(Grace), Now, Grace));

    [Fact]
    public void ShouldAbandon_QueuedAndGoneLessThanTheGracePeriod_IsFalse() =>
        Assert.False(AbandonRule.ShouldAbandon(Entry(HandoffState.Queued), GoneFor(Grace - TimeSpan.FromSeconds(1)), Now, Grace));

    [Fact]
    public void ShouldAbandon_ReconnectedWithinTheGracePeriod_IsFalseHoweverOldTheLastRequest() =>
        Assert.False(AbandonRule.ShouldAbandon(Entry(HandoffState.Queued), new PresenceSignal(true, Now - TimeSpan.FromHours(1)), Now, Grace));

    [Fact]
    public void ShouldAbandon_ChannelWithoutASignal_IsFalse() =>
        Assert.False(AbandonRule.ShouldAbandon(Entry(HandoffState.Queued), null, Now, Grace));

    [Theory]
    [InlineData(HandoffState.Assigned)]
    [InlineData(HandoffState.Transferred)]
    public void ShouldAbandon_WaitingForAnAdvisorAndGone_IsTrue(HandoffState state) =>
        Assert.True(AbandonRule.ShouldAbandon(Entry(state), GoneFor(Grace), Now, Grace));

    [Theory]
    [InlineData(HandoffState.Active)]
    [InlineData(HandoffState.Ended)]
    [InlineData(HandoffState.Abandoned)]
    [InlineData(HandoffState.Callback)]
    public void ShouldAbandon_NotWaitingForAnAdvisor_IsFalseEvenWhenLongGone(HandoffState state) =>
        Assert.False(AbandonRule.ShouldAbandon(Entry(state), GoneFor(TimeSpan.FromHours(1)), Now, Grace));

    [Fact]
    public void SeemsGone_ActiveChatWhosePersonIsGone_IsTrue() =>
        Assert.True(AbandonRule.SeemsGone(Entry(HandoffState.Active), GoneFor(Grace), Now, Grace));

    [Fact]
    public void SeemsGone_ActiveChatWhosePersonIsConnected_IsFalse() =>
        Assert.False(AbandonRule.SeemsGone(Entry(HandoffState.Active), new PresenceSignal(true, Now - Grace), Now, Grace));

    [Fact]
    public void SeemsGone_QueuedPerson_IsFalseBecauseTheyLeaveTheLineInstead() =>
        Assert.False(AbandonRule.SeemsGone(Entry(HandoffState.Queued), GoneFor(Grace), Now, Grace));

    private static Activity Removed(bool isGroup, params string[] memberIds) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "a:conversation", IsGroup = isGroup },
        Recipient = new ChannelAccount { Id = "28:helpline-bot" },
        MembersRemoved = [.. memberIds.Select(id => new ChannelAccount { Id = id })],
    };

    [Fact]
    public void WhoLeft_ThePersonWasRemoved_IsTheVisitor() =>
        Assert.Equal(Actor.Visitor, AbandonRule.WhoLeft(Removed(isGroup: true, "29:visitor"), Entry(HandoffState.Queued)));

    [Fact]
    public void WhoLeft_AnotherMemberWasRemoved_IsNobody() =>
        Assert.Null(AbandonRule.WhoLeft(Removed(isGroup: true, "29:colleague"), Entry(HandoffState.Active)));

    [Fact]
    public void WhoLeft_TheBotWasRemoved_IsTheSystem() =>
        Assert.Equal(Actor.System, AbandonRule.WhoLeft(Removed(isGroup: false, "28:helpline-bot"), Entry(HandoffState.Queued)));

    [Fact]
    public void WhoLeft_MembersAddedOnly_IsNobody()
    {
        var update = Removed(isGroup: false);
        update.MembersRemoved = null;
        update.MembersAdded = [new ChannelAccount { Id = "29:visitor" }];

        Assert.Null(AbandonRule.WhoLeft(update, Entry(HandoffState.Queued)));
    }

    [Fact]
    public void WhoLeft_UnknownPersonInAOneToOneChat_IsTheVisitor() =>
        Assert.Equal(Actor.Visitor, AbandonRule.WhoLeft(Removed(isGroup: false, "29:whoever"), Entry(HandoffState.Queued, visitorId: null)));

    [Fact]
    public void WhoLeft_UnknownPersonInAGroupChat_IsNobodyBecauseTheyCannotBeToldApart() =>
        Assert.Null(AbandonRule.WhoLeft(Removed(isGroup: true, "29:whoever"), Entry(HandoffState.Queued, visitorId: null)));
}
