namespace HelplineBot.Storage;

/// <summary>A conversation's state document as stored, with the version a save must name.</summary>
public sealed record StoredConversationState(string StateJson, long Version);
