using HelplineBot.Dialogs.Flows;

namespace HelplineBot.Dialogs.Engine.Prompts;

/// <summary>What a prompt made of an answer: a recognised value (and the choice picked), or not recognised.</summary>
public readonly record struct PromptOutcome(bool Succeeded, string? Value, FlowChoice? Choice = null)
{
    public static readonly PromptOutcome NotRecognized = new(false, null);
    public static PromptOutcome Recognized(string value, FlowChoice? choice = null) => new(true, value, choice);
}
