using System.Collections.Concurrent;

namespace HelplineBot.Turns;

/// <summary>
/// Runs one conversation's turns one at a time, in the order they arrived (issue 3 §5). Conversations
/// do not wait for each other. Entries are removed when no turn holds or waits for them.
/// </summary>
public sealed class ConversationGate
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lane = _lanes.GetOrAdd(conversationKey, _ => new Lane());
            Task turnToWaitFor;
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (lane)
            {
                if (lane.IsRetired) continue;
                lane.Holders++;
                turnToWaitFor = lane.Tail;
                lane.Tail = mine.Task;
            }
            try
            {
                await turnToWaitFor.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Keep the chain intact: the turn behind us still waits for the one before us.
                _ = turnToWaitFor.ContinueWith(_ => Leave(conversationKey, lane, mine), TaskScheduler.Default);
                throw;
            }
            return new Pass(this, conversationKey, lane, mine);
        }
    }

    internal int OpenLanes => _lanes.Count;

    private void Leave(string conversationKey, Lane lane, TaskCompletionSource mine)
    {
        lock (lane)
        {
            lane.Holders--;
            if (lane.Holders == 0)
            {
                lane.IsRetired = true;
                _lanes.TryRemove(new KeyValuePair<string, Lane>(conversationKey, lane));
            }
        }
        mine.TrySetResult();
    }

    private sealed class Lane
    {
        public Task Tail = Task.CompletedTask;
        public int Holders;
        public bool IsRetired;
    }

    private sealed class Pass(ConversationGate gate, string key, Lane lane, TaskCompletionSource mine) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) gate.Leave(key, lane, mine);
            return ValueTask.CompletedTask;
        }
    }
}
