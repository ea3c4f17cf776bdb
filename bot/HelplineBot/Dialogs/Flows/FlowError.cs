namespace HelplineBot.Dialogs.Flows;

/// <summary>A problem in a flow or message file, with where it is.</summary>
public sealed record FlowError(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}
