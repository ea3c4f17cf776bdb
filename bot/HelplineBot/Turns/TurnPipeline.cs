using HelplineBot.Channels;
using HelplineBot.Channels.Teams;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Turns;

/// <summary>
/// The ordered steps of one turn (design.md "One turn"):
/// 1. de-duplicate (a channel's retry is processed once);
/// 2. read the channel's shape (Teams: the bot's @mention removed);
/// 3. screen, before the gate and without storage, so a crisis reply leaves at once even when the
///    conversation's previous turn is slow or storage is down;
/// 4. run the conversation's turns one at a time, in arrival order, through the handler.
/// Replies leave through the channel's sender, or are buffered for deliveryMode expectReplies.
/// </summary>
public sealed class TurnPipeline(
    DuplicateFilter duplicates,
    IEnumerable<ITurnScreen> screens,
    ConversationGate gate,
    ITurnHandler handler,
    ChannelSenders senders,
    ILogger<TurnPipeline> logger)
{
    private readonly ITurnScreen[] _screens = screens.ToArray();

    public async Task<TurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? string.Empty;
        if (!duplicates.TryRecord(activity.ChannelId, conversationId, activity.Id))
        {
            TurnsLog.DuplicateDropped(logger, activity.ChannelId, conversationId, activity.Id);
            return TurnResult.Duplicate;
        }

        var isTeams = TeamsActivity.IsTeams(activity);
        if (isTeams)
        {
            TeamsActivity.RemoveBotMention(activity);
            TeamsActivity.TakeCardPressAsText(activity);
        }

        var buffered = new List<Activity>();
        var expectsReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        var turn = new TurnContext(activity, (reply, ct) =>
        {
            if (!expectsReplies) return senders.SendAsync(reply, ct);
            lock (buffered) buffered.Add(reply);
            return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
        });

        foreach (var screen in _screens)
        {
            try
            {
                await screen.ScreenAsync(turn, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing screen must not cost the person the rest of the turn; the handler still runs.
                TurnsLog.ScreenFailed(logger, ex, activity.ChannelId, conversationId, activity.Id);
            }
        }

        // In Teams group chats and channels the bot answers only when mentioned; a crisis is answered anyway.
        var isForTheBot = !isTeams || activity.Type != ActivityTypes.Message || TeamsActivity.IsAddressedToBot(activity) || turn.CrisisReplySent;
        if (!turn.IsHandled && isForTheBot)
        {
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
