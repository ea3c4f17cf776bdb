using System.Collections.Concurrent;

namespace HelplineBot.Handoff;

/// <summary>
/// Who is signed in to the console and whether they take chats. Kept per instance: with the embedded
/// (single instance) storage this is the whole picture; several instances need it in shared storage.
/// </summary>
public sealed class AdvisorPresence
{
    public const string Available = "available";
    public const string Away = "away";

    private readonly ConcurrentDictionary<string, Entry> _advisors = new(StringComparer.Ordinal);

    public void Connected(string advisorId, string name) =>
        _advisors.AddOrUpdate(advisorId, _ => new Entry(name, Available, 1), (_, e) => e with { Connections = e.Connections + 1 });

    public void Disconnected(string advisorId)
    {
        while (_advisors.TryGetValue(advisorId, out var entry))
        {
            if (entry.Connections <= 1)
            {
                if (_advisors.TryRemove(new KeyValuePair<string, Entry>(advisorId, entry))) return;
            }
            else if (_advisors.TryUpdate(advisorId, entry with { Connections = entry.Connections - 1 }, entry)) return;
        }
    }

    public bool SetStatus(string advisorId, string status)
    {
        if (status is not (Available or Away)) return false;
        while (_advisors.TryGetValue(advisorId, out var entry))
        {
            if (_advisors.TryUpdate(advisorId, entry with { Status = status }, entry)) return true;
        }
        return false;
    }

    public int AvailableCount => _advisors.Values.Count(e => e.Status == Available);

    public IReadOnlyList<AdvisorStatus> Snapshot() =>
        _advisors.Select(pair => new AdvisorStatus(pair.Key, pair.Value.Name, pair.Value.Status)).OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();

    private sealed record Entry(string Name, string Status, int Connections);
}

/// <summary>An advisor as the console lists them (transfer targets, supervisor view).</summary>
public sealed record AdvisorStatus(string Id, string Name, string Status);
