using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HelplineBot.Storage.Sqlite;

/// <summary>
/// The embedded database: one file under the data folder, WAL journal so readers never wait for the
/// writer, and a busy timeout so concurrent writers queue instead of failing.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var folder = options.Value.DataFolderFullPath;
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "helplinebot.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        // Per-connection settings only; the WAL journal mode is stored in the file (EnableWriteAheadLogAsync).
        // secure_delete: what is deleted or replaced is overwritten with zeros, so a transcript the retention job
        // removed (or an older copy of a row an update replaced) cannot be read back from free space in the file.
        // It costs writing the pages it frees, which outside the retention job this app rarely does.
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Switches the file to write-ahead logging, so readers never wait for the writer; persistent, run once at start.</summary>
    public async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
