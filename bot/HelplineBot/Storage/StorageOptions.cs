using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Storage;

/// <summary>Where conversations, transcripts and the queue are kept. Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (embedded default, one instance). "Postgres" is reserved for the scale-out engine and refused until it exists. Default "Sqlite".</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$")] public string Engine { get; set; } = "Sqlite";

    /// <summary>Folder for the SQLite file and the generated development secret; relative to the working directory. Default "data".</summary>
    [Required] public string DataFolder { get; set; } = "data";

    /// <summary>PostgreSQL connection string, used when Engine is "Postgres". Default empty.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How long what people wrote and told us is kept once their conversation is over (last activity, closed
    /// handoff, request): transcripts, the bot's context, names, phone numbers, conversation state. Open
    /// conversations are never removed. 1 to 3650 days. Default 90 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")] public TimeSpan RetainConversationsFor { get; set; } = TimeSpan.FromDays(90);

    public string DataFolderFullPath => Path.GetFullPath(DataFolder);
}
