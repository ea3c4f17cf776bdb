using HelplineBot.Dialogs.Engine;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;

namespace HelplineBot.Conversations;

/// <summary>
/// The helpline's conversation logic for one turn: a person joining gets the welcome (confidentiality
/// notice, emergency numbers, menu); messages go to the dialog engine, which also welcomes on the first
/// message where a channel sends no conversationUpdate. Invokes are acknowledged.
/// </summary>
public sealed class HelplineConversation(DialogEngine engine) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when PersonJoined(activity):
                await engine.WelcomeAsync(turn, cancellationToken);
                break;
            case ActivityTypes.Message:
                await engine.OnMessageAsync(turn, cancellationToken);
                break;
            case ActivityTypes.Invoke:
                turn.InvokeResponse = new InvokeResponse(StatusCodes.Status200OK);
                break;
        }
    }

    // Greet only when someone other than the bot joins (protocol.md §1.3).
    private static bool PersonJoined(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;
}
