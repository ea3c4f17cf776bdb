namespace HelplineBot.Dialogs.Seams;

/// <summary>Why a person is asked for; a crisis goes to the head of the queue.</summary>
public enum HandoffReason
{
    /// <summary>The person asked for someone (command, menu option, end of a flow).</summary>
    PersonRequested,
    /// <summary>The safety screen found a crisis.</summary>
    Crisis,
}
