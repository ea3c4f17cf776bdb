namespace HelplineBot.Dialogs.Flows;

/// <summary>One consistent, validated load of the flows and messages; replaced as a whole on reload.</summary>
public sealed record FlowSet(IReadOnlyDictionary<string, FlowDefinition> Flows, MessageCatalog Messages)
{
    public FlowDefinition? Find(string flowId) => Flows.GetValueOrDefault(flowId);
}
