namespace HelplineBot.Hosting;

/// <summary>
/// A background job that runs one round every <see cref="Interval"/> on the injected clock (so tests can move
/// time). A failed round is logged and the next one still runs: one bad row must not stop the job for good.
/// </summary>
public abstract class RecurringJob(TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round of the job; public so tests can run a round directly.</summary>
    public abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void LogFailedRound(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailedRound(ex);
            }
        }
    }
}
