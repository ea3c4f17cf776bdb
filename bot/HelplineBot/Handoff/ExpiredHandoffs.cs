using System.Text.Json;
using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HelplineBot.Handoff;

/// <summary>
/// Redacts handoffs closed (ended or abandoned) before the cutoff. The row stays, because the supervisor's
/// figures, the service-level records, the wait estimate and the audit log all count or point to it: its state,
/// reason, priority, crisis category (a label, no words), times, feedback label, the advisor who had it and
/// the conversation id (which conversation an audit row was about) are kept, and so are its transitions and
/// service-level row. What the person wrote or told us goes: the relayed messages (text and sender names),
/// the bot's context (answers, safety evidence, name), the call back number and the person's channel user id.
/// A handoff is redacted once (redacted_at), so later rounds skip it.
/// </summary>
public sealed class ExpiredHandoffs(SqliteDatabase database) : IExpiringRecords
{
    private static readonly string EmptyContext = JsonSerializer.Serialize(HandoffContext.Empty, HandoffJsonContext.Default.HandoffContext);

    public string Kind => "handoffs";

    public async Task<int> PurgeBatchAsync(RetentionBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // closed_at is set only by the moves to ended or abandoned, which are final: an open handoff or a call back
        // still to make has none and is never picked.
        var ids = new List<string>();
        using (var select = HandoffStore.Command(connection, transaction,
            "SELECT id FROM handoffs WHERE redacted_at IS NULL AND closed_at < $cutoff ORDER BY closed_at LIMIT $size",
            ("$cutoff", batch.Cutoff.ToUnixTimeMilliseconds()), ("$size", batch.Size)))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        }
        if (ids.Count == 0) return 0;

        await HandoffStore.ExecuteAsync(connection, transaction,
            "DELETE FROM handoff_messages WHERE handoff_id IN (SELECT value FROM json_each($ids)); " +
            "UPDATE handoffs SET context = $empty, callback_phone = NULL, visitor_id = NULL, redacted_at = $now " +
            "WHERE id IN (SELECT value FROM json_each($ids))",
            cancellationToken, ("$ids", RetentionBatch.JsonArray(ids)), ("$empty", EmptyContext), ("$now", batch.Now.ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }
}
