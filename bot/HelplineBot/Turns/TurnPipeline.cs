using HelplineBot.Channels;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Turns;

/// <summary>
/// The ordered steps of one turn (design.md "One turn"): de-duplicate, then run the conversation's
/// turns one at a time in arrival order, then the handler; replies leave through the channel's sender,
/// or are buffered for deliveryMode expectReplies.
/// </summary>
public sealed class TurnPipeline(
    DuplicateFilter duplicates,
    ConversationGate gate,
    ITurnHandler handler,
    ChannelSenders senders,
    ILogger<TurnPipeline> logger)
{
    public async Task<TurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? string.Empty;
        if (!duplicates.TryRecord(activity.ChannelId, conversationId, activity.Id))
        {
            TurnsLog.DuplicateDropped(logger, activity.ChannelId, conversationId, activity.Id);
            return TurnResult.Duplicate;
        }

        var buffered = new List<Activity>();
        var expectsReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        var turn = new TurnContext(activity, (reply, ct) =>
        {
            if (!expectsReplies) return senders.SendAsync(reply, ct);
            lock (buffered) buffered.Add(reply);
            return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
        });

        await using (await gate.EnterAsync($"{activity.ChannelId}\n{conversationId}", cancellationToken))
        {
            try
            {
                await handler.OnTurnAsync(turn, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TurnsLog.TurnFailed(logger, ex, activity.ChannelId, conversationId, activity.Id);
                await SendApologyAsync(turn, cancellationToken);
            }
        }
        return new TurnResult(false, turn.InvokeResponse, buffered);
    }

    // A failing turn must not leave a person in silence: say so and point to a human and to emergency help.
    private async Task SendApologyAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message) return;
        try
        {
            await turn.SendTextAsync(FallbackReplies.SomethingWentWrong, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TurnsLog.ApologyFailed(logger, ex, turn.Activity.ChannelId, turn.Activity.Conversation?.Id);
        }
    }
}
