namespace HelplineBot.Dialogs.Flows;

/// <summary>A scripted flow loaded from knowledge/flows/*.yaml: its steps in order and the phrases that start it.</summary>
public sealed record FlowDefinition(string Id, string File, int Line, IReadOnlyList<string> Triggers, IReadOnlyList<FlowStep> Steps)
{
    public FlowStep? FindStep(string id) => Steps.FirstOrDefault(step => step.Id == id);

    /// <summary>The step that follows <paramref name="step"/> when it names no <c>next</c>, or null at the end.</summary>
    public FlowStep? After(FlowStep step)
    {
        var index = Steps.ToList().IndexOf(step);
        return index >= 0 && index + 1 < Steps.Count ? Steps[index + 1] : null;
    }
}
