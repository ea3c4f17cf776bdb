using System.Text.Json;
using HelplineBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HelplineBot.Handoff;

/// <summary>
/// The queue in the embedded database. Every move is a conditional UPDATE (the row must still be in a
/// state the move may start from) plus a stored transition row, in one transaction; two advisors
/// accepting together therefore see exactly one UPDATE succeed (issue 6 §3 "accept").
/// </summary>
public sealed class HandoffStore(SqliteDatabase database)
{
    private const string Columns =
        "id, channel_id, conversation_id, service_url, visitor_id, bot_id, reason, crisis_category, priority, state, advisor_id, " +
        "advisor_name, transfer_to, context, callback_phone, queued_at, assigned_at, first_reply_at, closed_at";

    /// <summary>
    /// Queues the conversation, or returns its open handoff when it already has one (a second request
    /// joins the first; a crisis raises its priority and adds the evidence).
    /// </summary>
    public async Task<(HandoffEntry Entry, bool IsNew)> EnqueueAsync(
        VisitorAddress visitor, HandoffReason reason, string? crisisCategory, HandoffContext context, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var open = await FindOpenAsync(connection, transaction, visitor.ChannelId, visitor.ConversationId, cancellationToken);
        if (open is not null)
        {
            if (reason == HandoffReason.Crisis && !open.IsCrisis)
            {
                var merged = open.Context with
                {
                    SafetyEvidence = [.. open.Context.SafetyEvidence, .. context.SafetyEvidence],
                    SafetyLabel = context.SafetyLabel ?? open.Context.SafetyLabel,
                };
                await ExecuteAsync(connection, transaction,
                    "UPDATE handoffs SET priority = 0, reason = 'crisis', crisis_category = $category, context = $context, version = version + 1 WHERE id = $id",
                    cancellationToken, ("$id", open.Id), ("$category", crisisCategory), ("$context", Serialize(merged)));
                open = await GetAsync(connection, transaction, open.Id, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return (open!, false);
        }

        var id = Guid.NewGuid().ToString("N");
        await ExecuteAsync(connection, transaction,
            "INSERT INTO handoffs (id, channel_id, conversation_id, service_url, visitor_id, bot_id, reason, crisis_category, priority, state, context, queued_at) " +
            "VALUES ($id, $channel, $conversation, $serviceUrl, $visitor, $bot, $reason, $category, $priority, 'queued', $context, $at)",
            cancellationToken,
            ("$id", id), ("$channel", visitor.ChannelId), ("$conversation", visitor.ConversationId), ("$serviceUrl", visitor.ServiceUrl),
            ("$visitor", visitor.VisitorId), ("$bot", visitor.BotId), ("$reason", reason.ToLabel()), ("$category", crisisCategory), ("$priority", reason.Priority()),
            ("$context", Serialize(context)), ("$at", now.ToUnixTimeMilliseconds()));
        await RecordTransitionAsync(connection, transaction, id, null, HandoffState.Queued, actor, now, cancellationToken);
        var entry = await GetAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (entry!, true);
    }

    /// <summary>
    /// An advisor takes a queued handoff, or one transferred to them. One conditional UPDATE decides the
    /// race: the loser's UPDATE matches no row.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(string handoffId, string advisorId, string advisorName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var fromState = await ScalarAsync(connection, transaction,
            "UPDATE handoffs SET state = 'assigned', advisor_id = $advisor, advisor_name = $name, transfer_to = NULL, " +
            "assigned_at = COALESCE(assigned_at, $at), version = version + 1 " +
            "WHERE id = $id AND (state = 'queued' OR (state = 'transferred' AND transfer_to = $advisor)) " +
            "RETURNING (SELECT to_state FROM handoff_transitions WHERE handoff_id = $id ORDER BY seq DESC LIMIT 1)",
            cancellationToken, ("$id", handoffId), ("$advisor", advisorId), ("$name", advisorName), ("$at", now.ToUnixTimeMilliseconds()));
        if (fromState is null) return ClaimResult.AlreadyTaken;
        await RecordTransitionAsync(connection, transaction, handoffId, HandoffStates.Parse(fromState), HandoffState.Assigned, Actor.Advisor(advisorId), now, cancellationToken);
        var entry = await GetAsync(connection, transaction, handoffId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimResult(true, entry);
    }

    /// <summary>
    /// Moves a handoff to <paramref name="change"/>'s state if the table allows it from the current state
    /// (and, when <see cref="HandoffChange.RequiredAdvisorId"/> is set, only if that advisor holds it; when
    /// <see cref="HandoffChange.ExpectedState"/> is set, only if it is still in that state).
    /// </summary>
    public async Task<TransitionResult> TransitionAsync(string handoffId, HandoffChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var current = await GetAsync(connection, transaction, handoffId, cancellationToken);
        if (current is null || !HandoffTransitions.IsAllowed(current.State, change.To)) return TransitionResult.Refused;
        if (change.RequiredAdvisorId is { } required && current.AdvisorId != required) return TransitionResult.Refused;
        if (change.ExpectedState is { } expected && current.State != expected) return TransitionResult.Refused;

        var back = change.To == HandoffState.Queued;
        var closes = change.To is HandoffState.Ended or HandoffState.Abandoned;
        var changed = await ExecuteAsync(connection, transaction,
            "UPDATE handoffs SET state = $to, version = version + 1, " +
            "advisor_id = CASE WHEN $back THEN NULL ELSE advisor_id END, advisor_name = CASE WHEN $back THEN NULL ELSE advisor_name END, " +
            "transfer_to = $transferTo, callback_phone = COALESCE($phone, callback_phone), " +
            "closed_at = CASE WHEN $closes THEN $at ELSE closed_at END " +
            "WHERE id = $id AND state = $from",
            cancellationToken,
            ("$id", handoffId), ("$to", change.To.ToLabel()), ("$from", current.State.ToLabel()), ("$back", back), ("$closes", closes),
            ("$transferTo", change.TransferTo), ("$phone", change.CallbackPhone), ("$at", now.ToUnixTimeMilliseconds()));
        if (changed != 1) return TransitionResult.Refused;
        await RecordTransitionAsync(connection, transaction, handoffId, current.State, change.To, change.Actor, now, cancellationToken);
        var entry = await GetAsync(connection, transaction, handoffId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TransitionResult(true, entry);
    }

    /// <summary>Stores the one-question feedback on the conversation's handoff that ended since <paramref name="since"/>; false when there is none waiting for it.</summary>
    public async Task<bool> RecordFeedbackAsync(string channelId, string conversationId, string feedback, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null,
            "UPDATE handoffs SET feedback = $feedback WHERE id = (SELECT id FROM handoffs WHERE channel_id = $channel AND conversation_id = $conversation " +
            "AND state = 'ended' AND feedback IS NULL AND closed_at >= $since ORDER BY closed_at DESC LIMIT 1)",
            cancellationToken, ("$feedback", feedback), ("$channel", channelId), ("$conversation", conversationId), ("$since", since.ToUnixTimeMilliseconds())) == 1;
    }

    public async Task<HandoffEntry?> GetAsync(string handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, handoffId, cancellationToken);
    }

    public async Task<HandoffEntry?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindOpenAsync(connection, null, channelId, conversationId, cancellationToken);
    }

    /// <summary>Open handoffs in service order: crisis first, then the longest wait.</summary>
    public async Task<IReadOnlyList<HandoffEntry>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null,
            $"SELECT {Columns} FROM handoffs WHERE state IN ('queued', 'assigned', 'active', 'transferred') ORDER BY priority, queued_at, rowid",
            cancellationToken);
    }

    /// <summary>Stored call back requests not yet closed, oldest first.</summary>
    public async Task<IReadOnlyList<HandoffEntry>> ListCallbacksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, $"SELECT {Columns} FROM handoffs WHERE state = 'callback' ORDER BY queued_at", cancellationToken);
    }

    /// <summary>
    /// Crisis handoffs the person left (abandoned) since <paramref name="since"/>, latest first: the supervisors'
    /// follow-up list, so a person in crisis who disconnected is never silently lost.
    /// </summary>
    public async Task<IReadOnlyList<HandoffEntry>> ListCrisisLeftAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null,
            $"SELECT {Columns} FROM handoffs WHERE state = 'abandoned' AND priority = 0 AND closed_at >= $since ORDER BY closed_at DESC LIMIT 100",
            cancellationToken, ("$since", since.ToUnixTimeMilliseconds()));
    }

    public async Task<IReadOnlyList<StoredTransition>> ReadTransitionsAsync(string handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT from_state, to_state, actor, at FROM handoff_transitions WHERE handoff_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", handoffId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredTransition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StoredTransition(
                reader.IsDBNull(0) ? null : HandoffStates.Parse(reader.GetString(0)), HandoffStates.Parse(reader.GetString(1)),
                reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }
        return list;
    }

    private static Task<HandoffEntry?> FindOpenAsync(SqliteConnection connection, SqliteTransaction? transaction, string channelId, string conversationId, CancellationToken cancellationToken) =>
        SingleAsync(connection, transaction,
            $"SELECT {Columns} FROM handoffs WHERE channel_id = $channel AND conversation_id = $conversation AND state IN ('queued', 'assigned', 'active', 'transferred')",
            cancellationToken, ("$channel", channelId), ("$conversation", conversationId));

    private static Task<HandoffEntry?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string handoffId, CancellationToken cancellationToken) =>
        SingleAsync(connection, transaction, $"SELECT {Columns} FROM handoffs WHERE id = $id", cancellationToken, ("$id", handoffId));

    private static async Task<HandoffEntry?> SingleAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        (await QueryAsync(connection, transaction, sql, cancellationToken, parameters)).FirstOrDefault();

    private static async Task<IReadOnlyList<HandoffEntry>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<HandoffEntry>();
        while (await reader.ReadAsync(cancellationToken)) entries.Add(Read(reader));
        return entries;
    }

    private static HandoffEntry Read(SqliteDataReader r) => new(
        r.GetString(0),
        new VisitorAddress(r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), NullableString(r, 5)),
        HandoffReasons.Parse(r.GetString(6)),
        NullableString(r, 7),
        r.GetInt32(8),
        HandoffStates.Parse(r.GetString(9)),
        NullableString(r, 10),
        NullableString(r, 11),
        NullableString(r, 12),
        JsonSerializer.Deserialize(r.GetString(13), HandoffJsonContext.Default.HandoffContext) ?? HandoffContext.Empty,
        NullableString(r, 14),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(15)),
        NullableTime(r, 16),
        NullableTime(r, 17),
        NullableTime(r, 18));

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? NullableTime(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));

    private static string Serialize(HandoffContext context) => JsonSerializer.Serialize(context, HandoffJsonContext.Default.HandoffContext);

    private static Task RecordTransitionAsync(SqliteConnection connection, SqliteTransaction transaction, string handoffId, HandoffState? from, HandoffState to, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            "INSERT INTO handoff_transitions (handoff_id, seq, from_state, to_state, actor, at) " +
            "VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM handoff_transitions WHERE handoff_id = $id), $from, $to, $actor, $at)",
            cancellationToken, ("$id", handoffId), ("$from", from?.ToLabel()), ("$to", to.ToLabel()), ("$actor", actor), ("$at", at.ToUnixTimeMilliseconds()));

    internal static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
