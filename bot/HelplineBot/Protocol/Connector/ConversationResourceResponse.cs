namespace HelplineBot.Protocol.Connector;

/// <summary>The Connector's answer to Create conversation: the new conversation's id and where to send.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
