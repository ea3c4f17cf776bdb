using HelplineBot.Turns;

namespace HelplineBot.Dialogs.Engine;

/// <summary>
/// The interruption hook (issue 3 §1): every registered interrupter is asked, in registration order,
/// before global commands and before the active dialog; the first non-null answer wins. The safety screen
/// plugs in here (its verdict for this activity → <see cref="InterruptionKind.Crisis"/> or
/// <see cref="InterruptionKind.PersonRequested"/>). On an interruption the engine ends the dialog stack
/// (answers so far stay in the conversation's advisor context), asks for a person through
/// IHandoffRequests with that context, and, unless the interrupter already replied, tells the person.
/// </summary>
public interface IDialogInterrupter
{
    ValueTask<DialogInterruption?> CheckAsync(TurnContext turn, CancellationToken cancellationToken);
}
