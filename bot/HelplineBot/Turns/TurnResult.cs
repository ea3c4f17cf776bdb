using HelplineBot.Protocol.Schema;

namespace HelplineBot.Turns;

/// <summary>What a processed turn gives back to the endpoint that received it.</summary>
public sealed record TurnResult(bool IsDuplicate, InvokeResponse? InvokeResponse, IReadOnlyList<Activity> BufferedReplies)
{
    public static readonly TurnResult Duplicate = new(true, null, []);
}
