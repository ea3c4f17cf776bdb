using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;

namespace HelplineBot.IntegrationTests.Fakes;

/// <summary>
/// A conversation that answers each message (and each person joining) with exactly one reply naming the
/// emergency numbers, so protocol tests count and inspect Connector calls without depending on the
/// dialog content.
/// </summary>
internal sealed class OneReplyTurnHandler : ITurnHandler
{
    public const string Reply = "Protocol test reply. In an emergency call 911; for thoughts of suicide call or text 988.";

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var personJoined = activity.Type == ActivityTypes.ConversationUpdate
            && activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;
        if (activity.Type == ActivityTypes.Message || personJoined) return turn.SendTextAsync(Reply, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke) turn.InvokeResponse = new InvokeResponse(200);
        return Task.CompletedTask;
    }
}
