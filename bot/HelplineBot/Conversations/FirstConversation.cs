using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.Options;

namespace HelplineBot.Conversations;

/// <summary>
/// The first conversation (issue 2 §7): a welcome with the confidentiality notice and the emergency
/// numbers when a person joins, and a placeholder answer to messages until the dialog engine lands.
/// </summary>
public sealed class FirstConversation(IOptions<HelplineOptions> helpline) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when PersonJoined(activity):
                await turn.SendTextAsync(Welcome(), cancellationToken);
                break;
            case ActivityTypes.Message:
                await turn.SendTextAsync(
                    "Thank you for writing. I can't answer questions yet; this chat is being set up. " +
                    $"To talk to an advisor now, call {helpline.Value.Phone}. " +
                    "In an emergency call 911; for thoughts of suicide call or text 988.",
                    cancellationToken);
                break;
            case ActivityTypes.Invoke:
                turn.InvokeResponse = new InvokeResponse(StatusCodes.Status200OK);
                break;
        }
    }

    private string Welcome() =>
        $"Hi, you've reached the {helpline.Value.Name}. This chat is confidential: we don't ask for your name. " +
        "In an emergency call 911; for thoughts of suicide call or text 988.";

    // Greet only when someone other than the bot joins (protocol.md §1.3).
    private static bool PersonJoined(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;
}
