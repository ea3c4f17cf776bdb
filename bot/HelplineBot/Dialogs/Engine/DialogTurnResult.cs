namespace HelplineBot.Dialogs.Engine;

/// <summary>The outcome of Begin/Continue/Resume: a status and, on completion, the dialog's result.</summary>
public readonly record struct DialogTurnResult(DialogTurnStatus Status, string? Result = null)
{
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);
    public static readonly DialogTurnResult Empty = new(DialogTurnStatus.Empty);
    public static readonly DialogTurnResult Cancelled = new(DialogTurnStatus.Cancelled);
}
