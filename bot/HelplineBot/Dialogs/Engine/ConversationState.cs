namespace HelplineBot.Dialogs.Engine;

/// <summary>
/// Everything the bot remembers about one conversation between turns, stored as one JSON document
/// (typed, versioned by <see cref="SchemaVersion"/>; no object bags, style.md #6).
/// </summary>
public sealed class ConversationState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>The dialog stack; the active dialog is the last entry.</summary>
    public List<DialogInstance> Stack { get; set; } = [];

    /// <summary>True once the welcome with the confidentiality notice was sent.</summary>
    public bool Welcomed { get; set; }

    /// <summary>When the person last wrote; drives conversation expiry.</summary>
    public DateTimeOffset? LastMessageAt { get; set; }

    /// <summary>Ids of the last activities processed, newest last: a channel's retry after a restart is still dropped.</summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>What the person told the flows ("flow.key" → value), kept for an advisor's context.</summary>
    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When a person (advisor or crisis handoff) was last asked for; null when never.</summary>
    public DateTimeOffset? HandoffRequestedAt { get; set; }

    /// <summary>True when the last handoff was started by a crisis: no closing and no feedback question then.</summary>
    public bool CrisisFlagged { get; set; }
}
