using System.Text.Json;
using HelplineBot.Protocol.Schema;
using HelplineBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HelplineBot.Channels.DirectLine;

/// <summary>Durable Direct Line conversations and activity log in the embedded database.</summary>
public sealed class DirectLineStore(SqliteDatabase database, TimeProvider clock)
{
    public async Task CreateConversationAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO directline_conversations (id, user_id, created_at, last_activity_at) VALUES ($id, $user, $at, $ms)";
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", (object?)userId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", now.ToString("O"));
        command.Parameters.AddWithValue("$ms", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, started, (SELECT COALESCE(MAX(seq), 0) FROM directline_activities WHERE conversation_id = $id) FROM directline_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredConversation(conversationId, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1) == 1, reader.GetInt64(2));
    }

    /// <summary>Marks the conversation started; false when it already was (Direct Line answers 200 then, not 201).</summary>
    public async Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET started = 1 WHERE id = $id AND started = 0";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Appends an activity at sequence <paramref name="seq"/>. When the client already posted an activity
    /// with the same clientActivityID, nothing is written and the stored one is returned instead.
    /// </summary>
    public async Task<Activity?> AppendAsync(string conversationId, long seq, Activity activity, string? clientActivityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (clientActivityId is not null)
        {
            var existing = await FindByClientIdAsync(connection, conversationId, clientActivityId, cancellationToken);
            if (existing is not null) return existing;
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The conversation's last activity time is what the retention job goes by: it never deletes a conversation in use.
        command.CommandText = """
            INSERT INTO directline_activities (conversation_id, seq, activity, client_activity_id) VALUES ($c, $s, $a, $client);
            UPDATE directline_conversations SET last_activity_at = MAX(COALESCE(last_activity_at, 0), $at) WHERE id = $c;
            """;
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$s", seq);
        command.Parameters.AddWithValue("$a", JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity));
        command.Parameters.AddWithValue("$client", (object?)clientActivityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", (activity.Timestamp ?? clock.GetUtcNow()).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<(long Seq, Activity Activity)>> ReadAfterAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, activity FROM directline_activities WHERE conversation_id = $c AND seq > $s ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$s", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<(long, Activity)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add((reader.GetInt64(0), JsonSerializer.Deserialize(reader.GetString(1), ProtocolJsonContext.Default.Activity)!));
        return result;
    }

    private static async Task<Activity?> FindByClientIdAsync(SqliteConnection connection, string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity FROM directline_activities WHERE conversation_id = $c AND client_activity_id = $client";
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$client", clientActivityId);
        var json = await command.ExecuteScalarAsync(cancellationToken) as string;
        return json is null ? null : JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity);
    }
}

public sealed record StoredConversation(string Id, string? UserId, bool IsStarted, long LastSeq);
