namespace HelplineBot.Dialogs.Engine;

/// <summary>
/// A unit of conversation on the dialog stack (Bot Framework's verbs): Begin when pushed, Continue with
/// each message while it is on top, Resume when a dialog it started ends, Reprompt after an interruption.
/// State lives in the <see cref="DialogInstance"/>, never in the dialog object, which is shared.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, CancellationToken cancellationToken);

    public abstract Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, string? childResult, CancellationToken cancellationToken) =>
        RepromptAsync(dc, cancellationToken);

    /// <summary>Asks the current question again (after help, a question answered, or a child dialog).</summary>
    public abstract Task<DialogTurnResult> RepromptAsync(DialogContext dc, CancellationToken cancellationToken);
}
