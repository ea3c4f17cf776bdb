using HelplineBot.Dialogs.Engine;
using HelplineBot.Turns;

namespace HelplineBot.Safety;

/// <summary>
/// Turns the screen's verdict into a dialog interruption: a crisis or a request for a person ends the
/// active dialog at once (no further questionnaire question) and asks for a person with the answers so
/// far as the advisor's context. The crisis reply itself was already sent by <see cref="SafetyTurnScreen"/>.
/// A request for a call back is left to the dialogs: their callback flow asks for the number, a good time
/// and the person's consent, which a live handoff would not.
/// </summary>
public sealed class SafetyInterrupter : IDialogInterrupter
{
    public const string CallbackRule = "human-callback";

    public ValueTask<DialogInterruption?> CheckAsync(TurnContext turn, CancellationToken cancellationToken) =>
        ValueTask.FromResult(turn.Verdict switch
        {
            { IsCrisis: true } => new DialogInterruption(InterruptionKind.Crisis, ReplySent: turn.CrisisReplySent),
            { IsHumanRequest: true } verdict when !AsksOnlyForACallBack(verdict) => new DialogInterruption(InterruptionKind.PersonRequested),
            _ => null,
        });

    private static bool AsksOnlyForACallBack(SafetyVerdict verdict) =>
        verdict.Evidence.Where(e => e.Counts && e.Category == SafetyCategory.HumanRequest).All(e => e.RuleId == CallbackRule);
}
