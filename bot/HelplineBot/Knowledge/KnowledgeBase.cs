using System.Diagnostics;
using HelplineBot.Hosting;
using HelplineBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace HelplineBot.Knowledge;

/// <summary>
/// The knowledge in use: loaded when first resolved (at start, through <see cref="KnowledgeStartup"/>,
/// so a broken file stops the start), and swapped whole by <see cref="Reload"/> when files change.
/// </summary>
public sealed class KnowledgeBase : ITopicSource
{
    private readonly string _folder;
    private readonly IOptions<HelplineOptions> _helpline;
    private readonly ILogger<KnowledgeBase> _logger;
    private volatile KnowledgeSnapshot _snapshot;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, IOptions<HelplineOptions> helpline, ILogger<KnowledgeBase> logger)
    {
        _folder = options.Value.FolderFullPath;
        _helpline = helpline;
        _logger = logger;
        _snapshot = LoadSnapshot();
    }

    public string Folder => _folder;

    /// <summary>Raised after a successful <see cref="Reload"/>.</summary>
    public event EventHandler? Reloaded;

    public IReadOnlyList<KnowledgeSection> Sections => _snapshot.Sections;

    internal KnowledgeSnapshot Snapshot => _snapshot;

    public KnowledgeSection? FindSection(string sectionId) => _snapshot.Find(sectionId);

    public TopicSummary? Find(string sectionId) =>
        _snapshot.Find(sectionId) is { } section
            ? new TopicSummary(section.Id, section.Title, Fill(section.ShortAnswer), section.SourceLabel)
            : null;

    /// <summary>Ranked sections for a question, best first (no threshold applied).</summary>
    public IReadOnlyList<SearchHit> Search(string question, int top = 5) => _snapshot.Search(question, top);

    /// <summary>Replaces {helpline.phone}, {helpline.hours} and {helpline.name} with the configured values.</summary>
    public string Fill(string text) => text
        .Replace("{helpline.phone}", _helpline.Value.Phone, StringComparison.Ordinal)
        .Replace("{helpline.hours}", _helpline.Value.Hours, StringComparison.Ordinal)
        .Replace("{helpline.name}", _helpline.Value.Name, StringComparison.Ordinal);

    /// <summary>Loads the files again; on an error the current knowledge stays and false is returned.</summary>
    public bool Reload()
    {
        try
        {
            _snapshot = LoadSnapshot();
            Reloaded?.Invoke(this, EventArgs.Empty);
            return true;
        }
        catch (Exception exception) when (exception is KnowledgeFileException or IOException)
        {
            KnowledgeLog.ReloadFailed(_logger, exception);
            return false;
        }
    }

    private KnowledgeSnapshot LoadSnapshot()
    {
        var stopwatch = Stopwatch.StartNew();
        var snapshot = KnowledgeLoader.Load(_folder);
        KnowledgeLog.Loaded(_logger, snapshot.Sections.Count, stopwatch.ElapsedMilliseconds);
        return snapshot;
    }
}
