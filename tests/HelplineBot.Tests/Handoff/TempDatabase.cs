using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Handoff;

/// <summary>A migrated SQLite file in its own temporary folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("handoff-test-");

    private TempDatabase() =>
        Database = new SqliteDatabase(Options.Create(new StorageOptions { DataFolder = _folder.FullName }));

    public SqliteDatabase Database { get; }

    public static async Task<TempDatabase> CreateAsync()
    {
        var db = new TempDatabase();
        await new SqliteMigrator(db.Database, TimeProvider.System, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return db;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
