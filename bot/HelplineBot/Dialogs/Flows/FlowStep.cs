namespace HelplineBot.Dialogs.Flows;

/// <summary>One step of a flow as written in YAML (see knowledge/flows/README.md for the keys).</summary>
public sealed record FlowStep
{
    public required string Id { get; init; }
    public required StepType Type { get; init; }
    public required int Line { get; init; }

    /// <summary>Message id said by the step (a prompt's question).</summary>
    public string? Message { get; init; }

    /// <summary>Message id said after an invalid answer; default: the engine's generic re-prompt plus the question.</summary>
    public string? Retry { get; init; }

    public string? Topic { get; init; }
    public string? Action { get; init; }

    /// <summary>Key under which the answer is saved (in the flow and in the advisor's context).</summary>
    public string? Save { get; init; }

    public FlowTarget? Next { get; init; }

    /// <summary>Confirm steps: where yes and no lead (default: next).</summary>
    public FlowTarget? Yes { get; init; }
    public FlowTarget? No { get; init; }

    /// <summary>Where the attempt limit leads; default: the engine's way-out flow.</summary>
    public FlowTarget? OnFail { get; init; }

    public IReadOnlyList<FlowChoice> Choices { get; init; } = [];
    public int? MaxAttempts { get; init; }
    public int? Min { get; init; }
    public int? Max { get; init; }

    public bool IsPrompt => Type is StepType.Text or StepType.Choice or StepType.Confirm or StepType.Number or StepType.Phone;
}
