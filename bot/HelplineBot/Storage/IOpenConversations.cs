namespace HelplineBot.Storage;

/// <summary>Conversations someone is still working on, which the retention job never touches, however old.</summary>
public interface IOpenConversations
{
    /// <summary>Keys "{channelId}/{conversationId}" (the dialogs' conversation key, without a Teams person part).</summary>
    Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken);
}
