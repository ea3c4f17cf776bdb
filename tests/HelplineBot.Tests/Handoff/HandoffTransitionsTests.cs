using HelplineBot.Handoff;

namespace HelplineBot.Tests.Handoff;

public class HandoffTransitionsTests
{
    [Theory]
    [InlineData(HandoffState.Queued, HandoffState.Assigned)]
    [InlineData(HandoffState.Queued, HandoffState.Callback)]
    [InlineData(HandoffState.Queued, HandoffState.Abandoned)]
    [InlineData(HandoffState.Assigned, HandoffState.Active)]
    [InlineData(HandoffState.Assigned, HandoffState.Queued)]
    [InlineData(HandoffState.Active, HandoffState.Ended)]
    [InlineData(HandoffState.Active, HandoffState.Transferred)]
    [InlineData(HandoffState.Transferred, HandoffState.Assigned)]
    [InlineData(HandoffState.Callback, HandoffState.Ended)]
    public void IsAllowed_MoveInTheLifecycle_ReturnsTrue(HandoffState from, HandoffState to) =>
        Assert.True(HandoffTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(HandoffState.Queued, HandoffState.Active)]      // nobody may skip the accept
    [InlineData(HandoffState.Queued, HandoffState.Queued)]
    [InlineData(HandoffState.Active, HandoffState.Assigned)]
    [InlineData(HandoffState.Callback, HandoffState.Queued)]
    [InlineData(HandoffState.Active, HandoffState.Callback)]
    public void IsAllowed_MoveOutsideTheLifecycle_ReturnsFalse(HandoffState from, HandoffState to) =>
        Assert.False(HandoffTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(HandoffState.Ended)]
    [InlineData(HandoffState.Abandoned)]
    public void IsAllowed_FromAClosedState_RefusesEveryMove(HandoffState closed) =>
        Assert.All(Enum.GetValues<HandoffState>(), to => Assert.False(HandoffTransitions.IsAllowed(closed, to)));

    [Fact]
    public void From_Assigned_IsQueuedOrTransferred() =>
        Assert.Equal([HandoffState.Queued, HandoffState.Transferred], HandoffTransitions.From(HandoffState.Assigned).Order());

    [Fact]
    public void Labels_RoundTripForEveryState() =>
        Assert.All(Enum.GetValues<HandoffState>(), state => Assert.Equal(state, HandoffStates.Parse(state.ToLabel())));
}
