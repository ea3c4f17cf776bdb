using HelplineBot.Turns;

namespace HelplineBot.Tests.Turns;

public class ConversationGateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EnterAsync_SameConversation_RunsInArrivalOrderOneAtATime()
    {
        var gate = new ConversationGate();
        var order = new List<int>();
        var first = await gate.EnterAsync("c", CancellationToken.None);
        var second = gate.EnterAsync("c", CancellationToken.None);
        var third = gate.EnterAsync("c", CancellationToken.None);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        var secondPass = await second.WaitAsync(Timeout);
        order.Add(2);
        Assert.False(third.IsCompleted);
        await secondPass.DisposeAsync();
        await using (await third.WaitAsync(Timeout)) order.Add(3);

        Assert.Equal([2, 3], order);
        Assert.Equal(0, gate.OpenLanes);
    }

    [Fact]
    public async Task EnterAsync_OtherConversation_DoesNotWait()
    {
        var gate = new ConversationGate();
        await using var first = await gate.EnterAsync("a", CancellationToken.None);

        var other = gate.EnterAsync("b", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        await (await other).DisposeAsync();
    }

    [Fact]
    public async Task EnterAsync_CancelledWaiter_DoesNotBlockTheNextTurn()
    {
        var gate = new ConversationGate();
        var first = await gate.EnterAsync("c", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync("c", cancel.Token);
        var third = gate.EnterAsync("c", CancellationToken.None);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(third.IsCompleted);
        await first.DisposeAsync();

        await (await third.WaitAsync(Timeout)).DisposeAsync();
        Assert.Equal(0, gate.OpenLanes);
    }
}
