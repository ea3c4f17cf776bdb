using HelplineBot.Dialogs.Actions;
using HelplineBot.Knowledge;
using Microsoft.Extensions.Options;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// The current flows and messages. Loaded and validated at start (a broken file stops the start); with
/// <see cref="DialogsOptions.ReloadOnChange"/> edits are picked up without a restart, and a broken edit
/// keeps the last good set running (logged with the problems).
/// </summary>
public sealed class FlowCatalog : IDisposable
{
    private readonly DialogsOptions _options;
    private readonly IReadOnlySet<string> _actions;
    private readonly ITopicSource? _topics;
    private readonly IReadOnlyCollection<RequiredMessage> _required;
    private readonly ILogger<FlowCatalog> _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private Timer? _debounce;
    private FlowSet? _current;

    public FlowCatalog(IOptions<DialogsOptions> options, IEnumerable<IFlowAction> actions, IServiceProvider services, ILogger<FlowCatalog> logger)
    {
        _options = options.Value;
        _actions = actions.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        _topics = services.GetService<ITopicSource>();
        _required = [.. services.GetServices<RequiredMessage>()];
        _logger = logger;
    }

    /// <summary>The last good set; loads it on first use.</summary>
    public FlowSet Current => Volatile.Read(ref _current) ?? Load();

    /// <summary>Loads and validates; throws <see cref="FlowValidationException"/> listing every problem.</summary>
    public FlowSet Load()
    {
        var set = LoadFrom(_options.KnowledgeFolderFullPath, _options.Language, _actions, _topics, _required);
        Volatile.Write(ref _current, set);
        DialogsLog.FlowsLoaded(_logger, set.Flows.Count);
        return set;
    }

    /// <summary>Loads and validates a knowledge folder; <paramref name="required"/> are the messages other features say.</summary>
    public static FlowSet LoadFrom(
        string knowledgeFolder, string language, IReadOnlySet<string> actions, ITopicSource? topics, IReadOnlyCollection<RequiredMessage>? required = null)
    {
        var errors = new List<FlowError>();
        var messagesPath = Path.Combine(knowledgeFolder, "messages", language + ".yaml");
        var messagesName = $"knowledge/messages/{language}.yaml";
        var messages = File.Exists(messagesPath)
            ? MessageCatalog.Parse(messagesName, File.ReadAllText(messagesPath), errors)
            : MessageCatalog.Parse(messagesName, "", errors);

        var flows = new List<FlowDefinition>();
        var flowsFolder = Path.Combine(knowledgeFolder, "flows");
        var files = Directory.Exists(flowsFolder) ? Directory.GetFiles(flowsFolder, "*.yaml").Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var path in files)
        {
            if (FlowLoader.Parse($"knowledge/flows/{Path.GetFileName(path)}", File.ReadAllText(path), errors) is { } flow) flows.Add(flow);
        }
        FlowValidator.Validate(flows, messages, messagesName, actions, topics, required ?? [], errors);
        if (errors.Count > 0) throw new FlowValidationException(errors);
        return new FlowSet(flows.ToDictionary(f => f.Id, StringComparer.Ordinal), messages);
    }

    /// <summary>Watches the flow and message folders and reloads shortly after the last change.</summary>
    public void WatchForChanges()
    {
        if (_watchers.Count > 0) return;
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in new[] { "flows", "messages" }.Select(f => Path.Combine(_options.KnowledgeFolderFullPath, f)).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder, "*.yaml") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            watcher.Changed += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
            watcher.Created += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
            watcher.Deleted += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
            watcher.Renamed += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Raised after a successful reload (tests wait on it).</summary>
    public event Action? Reloaded;

    private void Reload()
    {
        try
        {
            Load();
            Reloaded?.Invoke();
        }
        catch (Exception ex) when (ex is FlowValidationException or IOException)
        {
            DialogsLog.ReloadRejected(_logger, ex);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _debounce?.Dispose();
    }
}
