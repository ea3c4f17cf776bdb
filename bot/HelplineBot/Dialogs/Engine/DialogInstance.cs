namespace HelplineBot.Dialogs.Engine;

/// <summary>One entry of the dialog stack: which dialog, where it stands, and what it collected.</summary>
public sealed class DialogInstance
{
    public required string DialogId { get; set; }

    /// <summary>The step the dialog waits on (a prompt), or null before its first step.</summary>
    public string? StepId { get; set; }

    /// <summary>Invalid answers given to the current prompt.</summary>
    public int Attempts { get; set; }

    /// <summary>Answers saved by this dialog's steps, by the step's <c>save</c> key.</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);
}
