namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// One option of a choice step: the label's message id, the value saved when it is picked, other words
/// that pick it, and where it leads (default: the step's <c>next</c>).
/// </summary>
public sealed record FlowChoice(string Label, string Value, IReadOnlyList<string> Aliases, FlowTarget? Next, int Line);
