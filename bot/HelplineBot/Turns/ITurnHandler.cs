namespace HelplineBot.Turns;

/// <summary>
/// The bot's conversation logic for one turn. The pipeline has already de-duplicated the activity and
/// holds the conversation's gate; the handler reads <see cref="TurnContext.Activity"/> and sends replies.
/// </summary>
public interface ITurnHandler
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
