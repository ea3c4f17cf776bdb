namespace HelplineBot.Protocol.Schema;

/// <summary>Body answered for deliveryMode expectReplies: the turn's replies, instead of Connector calls.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
