using HelplineBot.Storage.Sqlite;

namespace HelplineBot.Handoff;

/// <summary>
/// What a handoff leaves behind besides its state: the relayed messages, the service-level record of the
/// first advisor reply, the audit log of who viewed or wrote, and the figures computed from them.
/// </summary>
public sealed class HandoffRecords(SqliteDatabase database)
{
    /// <summary>
    /// Appends a relayed message. The first advisor message also stamps the handoff's first reply and
    /// writes its service-level record (met when within <paramref name="target"/>).
    /// </summary>
    public async Task AppendMessageAsync(HandoffEntry entry, RelayedMessage message, TimeSpan target, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var at = message.At.ToUnixTimeMilliseconds();
        await HandoffStore.ExecuteAsync(connection, transaction,
            "INSERT INTO handoff_messages (handoff_id, seq, sender, sender_name, text, at) " +
            "VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM handoff_messages WHERE handoff_id = $id), $sender, $name, $text, $at)",
            cancellationToken, ("$id", entry.Id), ("$sender", message.Sender), ("$name", message.SenderName), ("$text", message.Text), ("$at", at));
        if (message.Sender == RelayedMessage.Advisor)
        {
            var stamped = await HandoffStore.ExecuteAsync(connection, transaction,
                "UPDATE handoffs SET first_reply_at = $at WHERE id = $id AND first_reply_at IS NULL", cancellationToken, ("$id", entry.Id), ("$at", at));
            if (stamped == 1)
            {
                var elapsed = at - entry.QueuedAt.ToUnixTimeMilliseconds();
                var targetMs = (long)target.TotalMilliseconds;
                await HandoffStore.ExecuteAsync(connection, transaction,
                    "INSERT OR IGNORE INTO handoff_service_levels (handoff_id, is_crisis, first_reply_ms, target_ms, met, at) VALUES ($id, $crisis, $elapsed, $target, $met, $at)",
                    cancellationToken, ("$id", entry.Id), ("$crisis", entry.IsCrisis), ("$elapsed", elapsed), ("$target", targetMs), ("$met", elapsed <= targetMs), ("$at", at));
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RelayedMessage>> ReadMessagesAsync(string handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = HandoffStore.Command(connection, null,
            "SELECT sender, sender_name, text, at FROM handoff_messages WHERE handoff_id = $id ORDER BY seq", ("$id", handoffId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<RelayedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new RelayedMessage(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }
        return messages;
    }

    public async Task AuditAsync(string advisorId, string handoffId, string action, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await HandoffStore.ExecuteAsync(connection, null,
            "INSERT INTO handoff_audit (advisor_id, handoff_id, action, at) VALUES ($advisor, $id, $action, $at)",
            cancellationToken, ("$advisor", advisorId), ("$id", handoffId), ("$action", action), ("$at", at.ToUnixTimeMilliseconds()));
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = HandoffStore.Command(connection, null,
            "SELECT a.advisor_id, COALESCE(v.display_name, a.advisor_id), a.handoff_id, a.action, a.at FROM handoff_audit a " +
            "LEFT JOIN advisors v ON v.id = a.advisor_id WHERE a.at >= $since ORDER BY a.id DESC LIMIT 500",
            ("$since", since.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return records;
    }

    /// <summary>Waits (queued to assigned) of handoffs assigned since <paramref name="since"/>, newest first.</summary>
    public async Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = HandoffStore.Command(connection, null,
            "SELECT assigned_at - queued_at FROM handoffs WHERE assigned_at IS NOT NULL AND assigned_at >= $since ORDER BY assigned_at DESC LIMIT $limit",
            ("$since", since.ToUnixTimeMilliseconds()), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var waits = new List<TimeSpan>();
        while (await reader.ReadAsync(cancellationToken)) waits.Add(TimeSpan.FromMilliseconds(reader.GetInt64(0)));
        return waits;
    }

    /// <summary>The supervisor's figures for the day that started at <paramref name="dayStart"/>.</summary>
    public async Task<SupervisorFigures> FiguresAsync(DateTimeOffset now, DateTimeOffset dayStart, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = HandoffStore.Command(connection, null,
            "SELECT " +
            "(SELECT COUNT(*) FROM handoffs WHERE state = 'queued'), " +
            "(SELECT MIN(queued_at) FROM handoffs WHERE state = 'queued'), " +
            "(SELECT COUNT(*) FROM handoffs WHERE state IN ('assigned', 'active', 'transferred')), " +
            "(SELECT COUNT(*) FROM handoffs WHERE state = 'ended' AND assigned_at IS NOT NULL AND closed_at >= $day), " +
            "(SELECT COUNT(*) FROM handoffs WHERE state = 'callback'), " +
            "(SELECT COUNT(*) FROM handoff_service_levels WHERE at >= $day AND is_crisis = 1 AND met = 1), " +
            "(SELECT COUNT(*) FROM handoff_service_levels WHERE at >= $day AND is_crisis = 1 AND met = 0), " +
            "(SELECT COUNT(*) FROM handoff_service_levels WHERE at >= $day AND is_crisis = 0 AND met = 1), " +
            "(SELECT COUNT(*) FROM handoff_service_levels WHERE at >= $day AND is_crisis = 0 AND met = 0), " +
            "(SELECT COUNT(*) FROM handoffs WHERE state = 'abandoned' AND closed_at >= $day), " +
            "(SELECT COUNT(*) FROM handoffs WHERE state = 'abandoned' AND priority = 0 AND closed_at >= $day)",
            ("$day", dayStart.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var longest = reader.IsDBNull(1) ? TimeSpan.Zero : now - DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        var figures = new SupervisorFigures(
            reader.GetInt32(0), longest, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
            MedianFirstReply: null,
            new ServiceLevelCount(reader.GetInt32(5), reader.GetInt32(6)),
            new ServiceLevelCount(reader.GetInt32(7), reader.GetInt32(8)),
            reader.GetInt32(9), reader.GetInt32(10));
        await reader.CloseAsync();

        using var replies = HandoffStore.Command(connection, null,
            "SELECT first_reply_ms FROM handoff_service_levels WHERE at >= $day ORDER BY first_reply_ms", ("$day", dayStart.ToUnixTimeMilliseconds()));
        await using var replyReader = await replies.ExecuteReaderAsync(cancellationToken);
        var values = new List<long>();
        while (await replyReader.ReadAsync(cancellationToken)) values.Add(replyReader.GetInt64(0));
        return figures with { MedianFirstReply = Median(values) };
    }

    internal static TimeSpan? Median(IReadOnlyList<long> sortedMs)
    {
        if (sortedMs.Count == 0) return null;
        var mid = sortedMs.Count / 2;
        var ms = sortedMs.Count % 2 == 1 ? sortedMs[mid] : (sortedMs[mid - 1] + sortedMs[mid]) / 2;
        return TimeSpan.FromMilliseconds(ms);
    }
}
