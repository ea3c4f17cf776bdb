using Microsoft.Data.Sqlite;

namespace HelplineBot.Storage.Sqlite;

/// <summary>
/// Conversation state in SQLite: one row per conversation, a version bumped by every save. A save is a
/// single conditional statement (INSERT that does nothing on an existing key, or UPDATE guarded by the
/// version), so it is atomic and a lost race shows up as zero rows changed.
/// </summary>
public sealed class SqliteConversationStateStore(SqliteDatabase database, TimeProvider clock) : IConversationStateStore
{
    public async Task<StoredConversationState?> ReadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_json, version FROM conversation_state WHERE conversation_key = $key";
        command.Parameters.AddWithValue("$key", conversationKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredConversationState(reader.GetString(0), reader.GetInt64(1));
    }

    public async Task<StateSaveResult> SaveAsync(string conversationKey, string stateJson, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = expectedVersion == 0
            ? """
              INSERT INTO conversation_state (conversation_key, version, state_json, updated_at)
              VALUES ($key, 1, $json, $at) ON CONFLICT (conversation_key) DO NOTHING
              """
            : """
              UPDATE conversation_state SET version = version + 1, state_json = $json, updated_at = $at
              WHERE conversation_key = $key AND version = $expected
              """;
        command.Parameters.AddWithValue("$key", conversationKey);
        command.Parameters.AddWithValue("$json", stateJson);
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O"));
        command.Parameters.AddWithValue("$expected", expectedVersion);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        return changed == 1 ? StateSaveResult.Saved(expectedVersion + 1) : StateSaveResult.Conflict;
    }
}
