using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// Deletes built-in Direct Line conversations whole (every activity: what the person and the bot said, with
/// the person's user id) once their last activity is older than the cutoff. A conversation with a handoff
/// or call back still open is kept, however quiet. Afterwards the conversation is unknown: reading it
/// answers 404, as for any conversation that never existed.
/// </summary>
public sealed class ExpiredDirectLineConversations(SqliteDatabase database, DirectLineConversations conversations) : IExpiringRecords
{
    public string Kind => "directline-conversations";

    public async Task<int> PurgeBatchAsync(RetentionBatch batch, CancellationToken cancellationToken)
    {
        var cutoff = batch.Cutoff.ToUnixTimeMilliseconds();
        var ids = new List<string>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // The look-up and the deletes share one write transaction (BEGIN IMMEDIATE): no activity can make a
            // selected conversation recent again before it is deleted.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = """
                    SELECT id FROM directline_conversations WHERE last_activity_at < $cutoff
                    AND ($channel || '/' || id) NOT IN (SELECT value FROM json_each($open))
                    ORDER BY last_activity_at LIMIT $size
                    """;
                select.Parameters.AddWithValue("$cutoff", cutoff);
                select.Parameters.AddWithValue("$channel", ChannelIds.DirectLine);
                select.Parameters.AddWithValue("$open", batch.OpenConversationsJson);
                select.Parameters.AddWithValue("$size", batch.Size);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            }
            if (ids.Count == 0) return 0;

            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = """
                DELETE FROM directline_activities WHERE conversation_id IN (SELECT value FROM json_each($ids));
                DELETE FROM directline_conversations WHERE id IN (SELECT value FROM json_each($ids));
                """;
            delete.Parameters.AddWithValue("$ids", RetentionBatch.JsonArray(ids));
            await delete.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        conversations.Forget(ids);
        return ids.Count;
    }
}
