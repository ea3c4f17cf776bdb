using HelplineBot.Dialogs.Engine;
using HelplineBot.Turns;

namespace HelplineBot.Safety;

/// <summary>
/// Turns the screen's verdict into a dialog interruption: a crisis or a request for a person ends the
/// active dialog at once (no further questionnaire question) and asks for a person with the answers so
/// far as the advisor's context. The crisis reply itself was already sent by <see cref="SafetyTurnScreen"/>.
/// </summary>
public sealed class SafetyInterrupter : IDialogInterrupter
{
    public ValueTask<DialogInterruption?> CheckAsync(TurnContext turn, CancellationToken cancellationToken) =>
        ValueTask.FromResult(turn.Verdict switch
        {
            { IsCrisis: true } => new DialogInterruption(InterruptionKind.Crisis, ReplySent: turn.CrisisReplySent),
            { IsHumanRequest: true } => new DialogInterruption(InterruptionKind.PersonRequested),
            _ => null,
        });
}
