using Microsoft.Data.Sqlite;

namespace HelplineBot.Benchmarks;

/// <summary>Stored conversation state per conversation, read from the bot's own SQLite file after a run.</summary>
internal static class StateSize
{
    public static string Describe(string dataFolder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "helplinebot.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), AVG(LENGTH(state_json)), MAX(LENGTH(state_json)) FROM conversation_state";
        using var reader = command.ExecuteReader();
        reader.Read();
        return $"stored state: conversations={reader.GetInt64(0)} avg={reader.GetDouble(1):F0} bytes max={reader.GetInt64(2)} bytes";
    }
}
