namespace HelplineBot.Storage.Sqlite;

/// <summary>
/// Rows of one Storage table keyed by conversation, deleted whole once their time column is older than the
/// cutoff: dialog state (with its remembered activity ids), call back requests (name, phone number, answers),
/// requests for a person (the bot's context) and the feedback answer. These tables' status columns are never
/// advanced (the queue's handoff row is the live record), so "still open" comes from <see cref="IOpenConversations"/>.
/// </summary>
public sealed class ExpiredRows : IExpiringRecords
{
    private readonly SqliteDatabase _database;
    private readonly string _sql;

    /// <summary>The Storage tables this removes from: what the log calls them, the table, its time column.</summary>
    public static readonly IReadOnlyList<(string Kind, string Table, string TimeColumn)> Tables =
    [
        ("conversation-states", "conversation_state", "updated_at"),
        ("callback-requests", "callback_requests", "requested_at"),
        ("advisor-requests", "advisor_requests", "requested_at"),
        ("feedback-answers", "conversation_feedback", "recorded_at"),
    ];

    public ExpiredRows(SqliteDatabase database, (string Kind, string Table, string TimeColumn) table)
    {
        _database = database;
        (Kind, var name, var timeColumn) = table;
        // A Teams group chat keeps one state per person under "{channel}/{conversation}/{person}": the whole chat is open.
        // Times are ISO 8601 UTC text ("O", same offset), which compare in time order.
        _sql = $"""
            DELETE FROM {name} WHERE rowid IN (
                SELECT rowid FROM {name} WHERE {timeColumn} < $cutoff
                AND NOT EXISTS (SELECT 1 FROM json_each($open) o
                                WHERE conversation_key = o.value OR substr(conversation_key, 1, length(o.value) + 1) = o.value || '/')
                ORDER BY {timeColumn} LIMIT $size)
            """;
    }

    public string Kind { get; }

    public async Task<int> PurgeBatchAsync(RetentionBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.Parameters.AddWithValue("$cutoff", batch.CutoffText);
        command.Parameters.AddWithValue("$open", batch.OpenConversationsJson);
        command.Parameters.AddWithValue("$size", batch.Size);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
