using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;

namespace HelplineBot.Handoff;

/// <summary>
/// Conversations the advisors are not done with: a handoff queued, assigned, active or transferred, or a call
/// back not yet made. The retention job keeps everything of theirs, however long ago it was written.
/// </summary>
public sealed class OpenHandoffConversations(SqliteDatabase database) : IOpenConversations
{
    public async Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = HandoffStore.Command(connection, null,
            "SELECT DISTINCT channel_id || '/' || conversation_id FROM handoffs WHERE state IN ('queued', 'assigned', 'active', 'transferred', 'callback')");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) keys.Add(reader.GetString(0));
        return keys;
    }
}
