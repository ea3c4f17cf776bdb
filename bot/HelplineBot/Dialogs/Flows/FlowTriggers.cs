using HelplineBot.Dialogs.Engine;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// Starts a flow from what a person types ("take the self check", "I'd like to request a callback"):
/// the message contains one of the flow's <c>triggers</c> as whole words and is short, so a long
/// story that mentions a word is left to the answerer. The longest matching trigger wins.
/// </summary>
public static class FlowTriggers
{
    private const int MaxWords = 10;

    public static FlowDefinition? Match(FlowSet flows, string? text)
    {
        var normalized = Utterance.Normalize(text);
        if (normalized.Length == 0 || Utterance.Words(normalized).Length > MaxWords) return null;
        return flows.Flows.Values
            .SelectMany(flow => flow.Triggers.Select(trigger => (Flow: flow, Trigger: Utterance.Normalize(trigger))))
            .Where(t => Utterance.ContainsPhrase(normalized, t.Trigger))
            .OrderByDescending(t => t.Trigger.Length)
            .ThenBy(t => t.Flow.Id, StringComparer.Ordinal)
            .Select(t => t.Flow)
            .FirstOrDefault();
    }
}
