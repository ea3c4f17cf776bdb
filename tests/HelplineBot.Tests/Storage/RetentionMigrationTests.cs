using System.Text.Json;
using HelplineBot.Protocol.Schema;
using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Storage;

public sealed class RetentionMigrationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("retention-migration-");

    [Fact]
    public async Task Migration011_ExistingConversations_TakeTheTimeOfTheirLastActivity()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DataFolder = _folder.FullName }));
        await using (var connection = await database.OpenAsync(None))
        {
            // A database as the previous version left it: migrations up to 010 and two conversations.
            await ExecuteAsync(connection, "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            foreach (var name in new[] { "001_directline.sql", "002_conversation_state.sql", "010_handoff.sql" })
            {
                await ExecuteAsync(connection, await MigrationAsync(name));
                await ExecuteAsync(connection, $"INSERT INTO schema_migrations VALUES ('{name}', '{T0:O}')");
            }
            await ExecuteAsync(connection, $"INSERT INTO directline_conversations (id, created_at) VALUES ('talked', '{T0:O}'), ('silent', '{T0:O}')");
            foreach (var (seq, at) in new[] { (1, T0.AddMinutes(1)), (2, T0.AddDays(5).AddMilliseconds(250)) })
            {
                var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, Text = "hi", Timestamp = at }, ProtocolJsonContext.Default.Activity);
                await ExecuteAsync(connection, $"INSERT INTO directline_activities (conversation_id, seq, activity) VALUES ('talked', {seq}, '{json}')");
            }
        }

        await new SqliteMigrator(database, TimeProvider.System, NullLogger<SqliteMigrator>.Instance).MigrateAsync(None);

        await using var check = await database.OpenAsync(None);
        using var command = check.CreateCommand();
        command.CommandText = "SELECT id, last_activity_at FROM directline_conversations ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(None);
        var times = new Dictionary<string, long>();
        while (await reader.ReadAsync(None)) times[reader.GetString(0)] = reader.GetInt64(1);
        Assert.Equal(T0.AddDays(5).AddMilliseconds(250).ToUnixTimeMilliseconds(), times["talked"]);
        Assert.Equal(T0.ToUnixTimeMilliseconds(), times["silent"]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static async Task<string> MigrationAsync(string name)
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        await using var stream = assembly.GetManifestResourceStream("HelplineBot.Storage.Sqlite.Migrations." + name)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(None);
    }
}
