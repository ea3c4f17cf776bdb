namespace HelplineBot.Protocol.Connector;

/// <summary>
/// The bot would not call this service URL: it never arrived in a validated channel token (and, in open
/// development mode, is not loopback). Nothing was sent, least of all the bot's token (protocol.md §3.3).
/// </summary>
public sealed class ConnectorRefusedException(string message) : InvalidOperationException(message);
