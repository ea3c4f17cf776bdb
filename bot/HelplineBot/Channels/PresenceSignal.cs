namespace HelplineBot.Channels;

/// <summary>
/// A conversation's presence now: whether the person's client holds a live connection, and the last sign of
/// them (a request, a stream opening or closing).
/// </summary>
public sealed record PresenceSignal(bool IsConnected, DateTimeOffset LastSeen);
