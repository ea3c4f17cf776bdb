using System.Reflection;
using Microsoft.Data.Sqlite;

namespace HelplineBot.Storage.Sqlite;

/// <summary>
/// Creates and migrates the schema at start: every embedded Storage/Sqlite/Migrations/NNN_name.sql not
/// yet applied runs once, in order, each in its own transaction.
/// </summary>
public sealed class SqliteMigrator(SqliteDatabase database, TimeProvider clock, ILogger<SqliteMigrator> logger)
{
    private const string ResourcePrefix = "HelplineBot.Storage.Sqlite.Migrations.";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await database.EnableWriteAheadLogAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken);

        var applied = new HashSet<string>(StringComparer.Ordinal);
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT name FROM schema_migrations";
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
        }

        var assembly = Assembly.GetExecutingAssembly();
        var pending = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Resource: name, Name: name[ResourcePrefix.Length..]))
            .Where(m => !applied.Contains(m.Name))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

        foreach (var (resource, name) in pending)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream);
            var sql = await text.ReadToEndAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (name, applied_at) VALUES ($name, $at)";
            record.Parameters.AddWithValue("$name", name);
            record.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            StorageLog.MigrationApplied(logger, name);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
