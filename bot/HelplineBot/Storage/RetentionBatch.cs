using System.Text.Json;

namespace HelplineBot.Storage;

/// <summary>
/// One bounded step of the retention job: remove at most <see cref="Size"/> records whose conversation was last
/// active before <see cref="Cutoff"/>, skipping <see cref="OpenConversations"/>. <see cref="Now"/> stamps what
/// was redacted.
/// </summary>
public sealed record RetentionBatch(DateTimeOffset Cutoff, IReadOnlyCollection<string> OpenConversations, int Size, DateTimeOffset Now)
{
    /// <summary>The open conversation keys as a JSON array, for SQLite's json_each.</summary>
    public string OpenConversationsJson { get; } = JsonArray(OpenConversations);

    /// <summary>Cutoff as the ISO 8601 UTC text ("O") the Storage tables keep their times in.</summary>
    public string CutoffText => Cutoff.ToUniversalTime().ToString("O");

    public static string JsonArray(IEnumerable<string> values) =>
        JsonSerializer.Serialize(values.ToArray(), StorageJsonContext.Default.StringArray);
}
