namespace HelplineBot.Protocol.Schema;

/// <summary>The Connector's and Direct Line's answer to a posted activity: the id it was given.</summary>
public sealed record ResourceResponse(string Id);
