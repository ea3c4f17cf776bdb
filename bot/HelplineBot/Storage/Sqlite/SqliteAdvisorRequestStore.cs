using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace HelplineBot.Storage.Sqlite;

/// <summary>Callback requests, requests for a person and feedback in SQLite (tables of migration 002).</summary>
public sealed class SqliteAdvisorRequestStore(SqliteDatabase database) : IAdvisorRequestStore
{
    public async Task<bool> AddCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO callback_requests (conversation_key, activity_id, name, phone_e164, best_time, voicemail_ok, context_json, requested_at)
            VALUES ($key, $activity, $name, $phone, $time, $voicemail, $context, $at)
            ON CONFLICT (conversation_key, activity_id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$key", request.ConversationKey);
        command.Parameters.AddWithValue("$activity", request.ActivityId);
        command.Parameters.AddWithValue("$name", request.Name);
        command.Parameters.AddWithValue("$phone", request.PhoneE164);
        command.Parameters.AddWithValue("$time", request.BestTime);
        command.Parameters.AddWithValue("$voicemail", request.VoicemailOk ? 1 : 0);
        command.Parameters.AddWithValue("$context", Serialize(request.Context));
        command.Parameters.AddWithValue("$at", request.RequestedAt.ToString("O"));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> AddAdvisorRequestAsync(AdvisorRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO advisor_requests (conversation_key, activity_id, reason, context_json, requested_at)
            VALUES ($key, $activity, $reason, $context, $at)
            ON CONFLICT (conversation_key, activity_id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$key", request.ConversationKey);
        command.Parameters.AddWithValue("$activity", request.ActivityId);
        command.Parameters.AddWithValue("$reason", request.Reason);
        command.Parameters.AddWithValue("$context", Serialize(request.Context));
        command.Parameters.AddWithValue("$at", request.RequestedAt.ToString("O"));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> HasOpenAdvisorRequestAsync(string conversationKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        // ISO 8601 UTC strings ("O" format, same offset) compare in time order.
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM advisor_requests
                           WHERE conversation_key = $key AND status = 'open' AND requested_at >= $since)
            """;
        command.Parameters.AddWithValue("$key", conversationKey);
        command.Parameters.AddWithValue("$since", since.ToUniversalTime().ToString("O"));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task RecordFeedbackAsync(string conversationKey, string activityId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversation_feedback (conversation_key, activity_id, helpful, recorded_at)
            VALUES ($key, $activity, $helpful, $at) ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$key", conversationKey);
        command.Parameters.AddWithValue("$activity", activityId);
        command.Parameters.AddWithValue("$helpful", helpful ? 1 : 0);
        command.Parameters.AddWithValue("$at", at.ToUniversalTime().ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CallbackRequest>> ListOpenCallbacksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conversation_key, activity_id, name, phone_e164, best_time, voicemail_ok, context_json, requested_at
            FROM callback_requests WHERE status = 'open' ORDER BY id
            """;
        var requests = new List<CallbackRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new CallbackRequest(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5) == 1,
                JsonSerializer.Deserialize(reader.GetString(6), StorageJsonContext.Default.DictionaryStringString) ?? [],
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture)));
        }
        return requests;
    }

    private static string Serialize(IReadOnlyDictionary<string, string> context) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(context), StorageJsonContext.Default.DictionaryStringString);
}
