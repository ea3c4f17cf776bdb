using HelplineBot.Channels.Teams;
using HelplineBot.Dialogs.Engine;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;

namespace HelplineBot.Conversations;

/// <summary>
/// The helpline's conversation logic for one turn: a person joining gets the welcome (confidentiality
/// notice, emergency numbers, menu) once; messages go to the dialog engine, which also welcomes on the
/// first message where a channel sends no conversationUpdate. Invokes are answered as the Bot Framework
/// SDK does (<see cref="TeamsInvokes"/>); other activity types (installationUpdate, ...) are acknowledged.
/// </summary>
public sealed class HelplineConversation(DialogEngine engine) : ITurnHandler
{
    /// <summary>Shown by Teams after an Action.Execute button was pressed; the answer itself follows in the chat.</summary>
    public const string CardActionReceived = "Got it.";

    /// <summary>Shown by Teams for an Action.Execute the bot did not send (no choice in its data).</summary>
    public const string CardActionUnknown = "Please type your answer in the chat.";

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when ShouldWelcome(activity):
                // Once per person: the engine greets only a conversation (a person, see KeyOf) not yet welcomed.
                await engine.WelcomeAsync(turn, cancellationToken);
                break;
            case ActivityTypes.Message:
                await engine.OnMessageAsync(turn, cancellationToken);
                break;
            case ActivityTypes.Invoke:
                await OnInvokeAsync(turn, cancellationToken);
                break;
        }
    }

    private async Task OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (TeamsInvokes.Classify(activity))
        {
            case TeamsInvokeKind.SignIn:
                turn.InvokeResponse = TeamsInvokes.SignedIn();
                break;
            case TeamsInvokeKind.MalformedCardAction:
                turn.InvokeResponse = TeamsInvokes.BadRequest("The adaptiveCard/action value is not an Action.Execute.");
                break;
            case TeamsInvokeKind.CardAction when TeamsInvokes.SubmittedChoice(activity) is { } choice:
                // A choice pressed on an Action.Execute button is the typed answer, as with Action.Submit.
                activity.Text = choice;
                await engine.OnMessageAsync(turn, cancellationToken);
                turn.InvokeResponse = TeamsInvokes.Message(CardActionReceived);
                break;
            case TeamsInvokeKind.CardAction:
                turn.InvokeResponse = TeamsInvokes.Message(CardActionUnknown);
                break;
            // Unknown names stay unanswered: the endpoint replies 501 as the SDK does.
        }
    }

    // protocol.md §1.3, §6.3. Outside Teams: someone other than the bot joined. Teams personal chat: the
    // chat is with one person, so the bot's install there (membersAdded = the bot) or the person's arrival
    // both open it. Teams group chats and channels: no greeting on install or join (nobody asked; a team
    // can be large); each person gets the notice with their first message to the bot.
    private static bool ShouldWelcome(Activity activity)
    {
        if (activity.MembersAdded is not { Count: > 0 } added) return false;
        if (!TeamsActivity.IsTeams(activity)) return added.Any(member => member.Id != activity.Recipient?.Id);
        return !TeamsActivity.IsGroupConversation(activity);
    }
}
