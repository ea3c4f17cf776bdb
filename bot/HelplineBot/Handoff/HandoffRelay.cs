using System.Text.RegularExpressions;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>
/// The turn pipeline's step 5 (design.md "One turn"): while a conversation is queued or with an
/// advisor, the person's messages go to the advisor's console instead of the dialogs. The pipeline calls
/// <see cref="TryRelayFromVisitorAsync"/> for every inbound activity after the safety screen; when it
/// returns true the turn is done.
/// </summary>
public sealed partial class HandoffRelay(HandoffStore store, HandoffQueue queue, VisitorDirectory visitors, HandoffStatusEvents hubStatus, HandoffMessages messages, IOptions<HandoffOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan FeedbackWindow = TimeSpan.FromMinutes(30);

    public async Task<bool> TryRelayFromVisitorAsync(TurnContext turn, VisitorScreening screening, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.ChannelId is not { } channelId || activity.Conversation?.Id is not { } conversationId) return false;
        visitors.Remember(activity, screening);
        if (await hubStatus.TryHandleAsync(turn, cancellationToken)) return true;
        var entry = await store.FindOpenAsync(channelId, conversationId, cancellationToken);
        if (entry is null) return await TryTakeFeedbackAsync(turn, channelId, conversationId, cancellationToken);

        switch (activity.Type)
        {
            case ActivityTypes.Typing:
                await queue.VisitorTypingAsync(entry, cancellationToken);
                return true;
            case ActivityTypes.EndOfConversation:
                await queue.AbandonAsync(entry, Actor.Visitor, cancellationToken);
                return true;
            // Bot Connector channels (Teams...) give no connection signal, so there is no timer for them: a person
            // in Teams may answer hours later in the same chat. Only being removed from it ends their wait.
            case ActivityTypes.ConversationUpdate when AbandonRule.WhoLeft(activity, entry) is { } actor:
                await queue.AbandonAsync(entry, actor, cancellationToken);
                return true;
            case ActivityTypes.Message:
                break;
            default:
                return false;
        }

        var text = activity.TextOrEmpty.Trim();
        if (text.Length == 0) return true;
        entry = await queue.ReceiveFromVisitorAsync(entry, text, screening, cancellationToken);
        if (entry.State != HandoffState.Queued || screening.IsCrisis) return true;

        // While queued the bot keeps the person company: it never goes silent, and a number left while
        // nobody can answer becomes a call back request.
        if (!options.Value.UsesChannelHub && !queue.AdvisorsAvailable() && PhoneNumber(text) is { } phone)
        {
            if (await queue.RequestCallbackAsync(entry, phone, cancellationToken) is not null)
            {
                await turn.SendTextAsync(messages.CallbackStored, cancellationToken);
                return true;
            }
        }
        if (string.Equals(text, HandoffMessages.BreatheCommand, StringComparison.OrdinalIgnoreCase))
        {
            await turn.SendAsync(new Activity { Text = messages.Breathing, SuggestedActions = messages.WaitingActions() }, cancellationToken);
            return true;
        }
        if (options.Value.UsesChannelHub)
        {
            await turn.SendAsync(new Activity { Text = messages.PassedOn, SuggestedActions = messages.WaitingActions() }, cancellationToken);
            return true;
        }
        var reply = queue.AdvisorsAvailable() ? messages.Received(await queue.PositionAsync(entry, cancellationToken)) : queue.NoAdvisorText();
        await turn.SendAsync(new Activity { Text = reply, SuggestedActions = messages.WaitingActions() }, cancellationToken);
        return true;
    }

    private async Task<bool> TryTakeFeedbackAsync(TurnContext turn, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Type == ActivityTypes.Message ? turn.Activity.TextOrEmpty.Trim() : "";
        if (messages.FeedbackAnswer(text) is not { } answer) return false;
        if (!await store.RecordFeedbackAsync(channelId, conversationId, answer, clock.GetUtcNow() - FeedbackWindow, cancellationToken)) return false;
        await turn.SendTextAsync(messages.FeedbackThanks, cancellationToken);
        return true;
    }

    /// <summary>A phone number as a person types it: 10 to 15 digits with the usual separators.</summary>
    internal static string? PhoneNumber(string text)
    {
        var match = PhonePattern().Match(text);
        if (!match.Success) return null;
        var digits = new string(match.Value.Where(char.IsDigit).ToArray());
        return digits.Length is >= 10 and <= 15 ? match.Value.Trim() : null;
    }

    [GeneratedRegex(@"\+?\d[\d\s().-]{8,20}\d")]
    private static partial Regex PhonePattern();
}
