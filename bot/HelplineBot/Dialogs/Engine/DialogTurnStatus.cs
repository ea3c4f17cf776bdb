namespace HelplineBot.Dialogs.Engine;

/// <summary>Where the dialog stack stands after a dialog call (Bot Framework's names).</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,
    /// <summary>The active dialog waits for the person's next message.</summary>
    Waiting,
    /// <summary>The dialog finished.</summary>
    Complete,
    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}
