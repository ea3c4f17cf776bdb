using Microsoft.Extensions.Options;

namespace HelplineBot.Knowledge;

/// <summary>
/// Loads the knowledge before the app takes traffic (a broken file stops the start) and, in
/// Development or when Knowledge:WatchFiles is on, rebuilds it shortly after a file changes.
/// </summary>
internal sealed class KnowledgeStartup(KnowledgeBase knowledge, IOptions<KnowledgeOptions> options, IHostEnvironment environment)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private FileSystemWatcher? _watcher;
    private Timer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WatchFiles ?? environment.IsDevelopment())
        {
            _timer = new Timer(_ => knowledge.Reload());
            _watcher = new FileSystemWatcher(knowledge.Folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            };
            // editors save in bursts: reload once the burst is over
            FileSystemEventHandler changed = (_, _) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
            _watcher.Changed += changed;
            _watcher.Created += changed;
            _watcher.Deleted += changed;
            _watcher.Renamed += (_, _) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
            _watcher.EnableRaisingEvents = true;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }
}
