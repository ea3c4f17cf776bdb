namespace HelplineBot.Dialogs.Flows;

/// <summary>What a flow step does. Prompt types wait for the person's answer; the others run at once.</summary>
public enum StepType
{
    /// <summary>Says a message, then goes on.</summary>
    Message,
    /// <summary>Shows a knowledge section (by id, through ITopicSource), then goes on.</summary>
    Topic,
    /// <summary>Runs a named action in code (store a callback, ask for a person, ...), then goes on.</summary>
    Action,
    /// <summary>Goes to <c>next</c> without saying anything (e.g. to another flow).</summary>
    Goto,
    /// <summary>Ends the flow.</summary>
    End,
    Text,
    Choice,
    Confirm,
    Number,
    Phone,
}
