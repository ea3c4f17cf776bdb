namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// Where a step leads, written in YAML as <c>step-id</c>, <c>flow:flow-id</c> (replace this flow with
/// another) or <c>end</c>.
/// </summary>
public sealed record FlowTarget(FlowTargetKind Kind, string Id, int Line)
{
    public static FlowTarget Parse(string text, int line)
    {
        var value = text.Trim();
        if (value == "end") return new FlowTarget(FlowTargetKind.End, "end", line);
        if (value.StartsWith("flow:", StringComparison.Ordinal)) return new FlowTarget(FlowTargetKind.Flow, value["flow:".Length..].Trim(), line);
        return new FlowTarget(FlowTargetKind.Step, value, line);
    }

    public override string ToString() => Kind switch
    {
        FlowTargetKind.Flow => $"flow:{Id}",
        FlowTargetKind.End => "end",
        _ => Id,
    };
}

public enum FlowTargetKind
{
    Step,
    Flow,
    End,
}
