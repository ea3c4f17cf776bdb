namespace HelplineBot.Storage;

/// <summary>
/// Per-conversation state documents with optimistic concurrency (issue 3 §5). The document is opaque
/// JSON to the store (the dialog engine owns its typed shape); every save names the version it read,
/// and a save against a changed version is refused, never silently overwritten. Engines: SQLite now,
/// PostgreSQL later (same contract: a version column and a conditional UPDATE / INSERT).
/// </summary>
public interface IConversationStateStore
{
    /// <summary>The stored document and its version, or null when the conversation has none yet.</summary>
    Task<StoredConversationState?> ReadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="stateJson"/> if the stored version still is <paramref name="expectedVersion"/>
    /// (0 = no document yet). Returns the new version, or a conflict.
    /// </summary>
    Task<StateSaveResult> SaveAsync(string conversationKey, string stateJson, long expectedVersion, CancellationToken cancellationToken);
}
