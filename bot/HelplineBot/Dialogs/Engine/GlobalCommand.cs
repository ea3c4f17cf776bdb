namespace HelplineBot.Dialogs.Engine;

/// <summary>Commands a person can give in any state of any dialog.</summary>
public enum GlobalCommand
{
    None,
    Menu,
    Help,
    Restart,
    Stop,
    /// <summary>A request for a person: an advisor, a human, a call.</summary>
    Person,
    Goodbye,
    Greeting,
}
