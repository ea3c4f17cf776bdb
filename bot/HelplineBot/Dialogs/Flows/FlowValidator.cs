using HelplineBot.Dialogs.Engine;
using HelplineBot.Knowledge;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// Checks that flows hang together before the bot takes traffic: every message, step, flow, action and
/// (when a topic source is registered) topic a flow names exists, and every step can be reached; every
/// message other features say by themselves exists; and every message uses only placeholders that are filled.
/// </summary>
public static class FlowValidator
{
    /// <summary>Flows the engine itself starts, so they must exist.</summary>
    public static readonly IReadOnlyList<string> RequiredFlows = [FlowIds.Welcome, FlowIds.MainMenu, FlowIds.WayOut, FlowIds.Goodbye];

    /// <summary>Messages the engine and its actions say by themselves (welcome, re-prompts, commands, fallbacks, results).</summary>
    public static readonly IReadOnlyList<string> RequiredMessages =
    [
        "welcome.notice", "welcome.back", "choice.yes", "choice.no", "prompt.retry-choice", "prompt.retry-confirm",
        "prompt.retry-number", "prompt.retry-phone", "prompt.retry-text", "prompt.question-inside", "prompt.gave-up",
        "topic.unavailable", "freetext.menu-only", "command.restarted", "command.stopped", "command.help",
        "goodbye.after-crisis", "handoff.recorded", "handoff.recorded-crisis", "handoff.requested-elsewhere", "crisis.fallback",
        "self-check.result-inpatient", "self-check.result-outpatient",
    ];

    public static void Validate(
        IReadOnlyList<FlowDefinition> flows,
        MessageCatalog messages,
        string messagesFile,
        IReadOnlySet<string> actions,
        ITopicSource? topics,
        IReadOnlyCollection<RequiredMessage> featureMessages,
        List<FlowError> errors)
    {
        var byId = new Dictionary<string, FlowDefinition>(StringComparer.Ordinal);
        foreach (var flow in flows)
        {
            if (!byId.TryAdd(flow.Id, flow))
                errors.Add(new FlowError(flow.File, flow.Line, $"flow id '{flow.Id}' is also used by {byId[flow.Id].File}"));
        }
        foreach (var required in RequiredFlows.Where(id => !byId.ContainsKey(id)))
            errors.Add(new FlowError("knowledge/flows", 0, $"the required flow '{required}' is missing"));
        foreach (var command in GlobalCommands.Names.Where(name => !messages.Commands.ContainsKey(name)))
            errors.Add(new FlowError(messagesFile, 0, $"the words for the global command '{command}' are missing under 'commands'"));

        foreach (var id in RequiredMessages.Where(id => !messages.Contains(id)))
            errors.Add(new FlowError(messagesFile, 0, $"the message '{id}', which the engine says by itself, is missing"));
        foreach (var message in featureMessages.Where(m => !messages.Contains(m.Id)))
            errors.Add(new FlowError(messagesFile, 0, $"the message '{message.Id}', which the bot says by itself, is missing"));
        CheckPlaceholders(flows, messages, messagesFile, featureMessages, errors);

        foreach (var flow in flows) ValidateFlow(flow, byId, messages, messagesFile, actions, topics, errors);
    }

    private static void ValidateFlow(
        FlowDefinition flow, Dictionary<string, FlowDefinition> flows, MessageCatalog messages, string messagesFile,
        IReadOnlySet<string> actions, ITopicSource? topics, List<FlowError> errors)
    {
        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in flow.Steps)
        {
            if (!stepIds.Add(step.Id)) errors.Add(Error(flow, step.Line, $"step id '{step.Id}' is used twice"));

            var needsMessage = step.IsPrompt || step.Type == StepType.Message;
            if (needsMessage && step.Message is null) errors.Add(Error(flow, step.Line, $"step '{step.Id}' ({Name(step.Type)}) needs a 'message'"));
            CheckMessage(flow, step.Line, step.Id, step.Message, messages, messagesFile, errors);
            CheckMessage(flow, step.Line, step.Id, step.Retry, messages, messagesFile, errors);

            if (step.Type == StepType.Choice && step.Choices.Count == 0)
                errors.Add(Error(flow, step.Line, $"choice step '{step.Id}' has no 'choices'"));
            foreach (var choice in step.Choices) CheckMessage(flow, choice.Line, step.Id, choice.Label, messages, messagesFile, errors);

            if (step.Type == StepType.Topic)
            {
                if (step.Topic is null) errors.Add(Error(flow, step.Line, $"topic step '{step.Id}' needs a 'topic' id"));
                else if (topics is not null && topics.Find(step.Topic) is null)
                    errors.Add(Error(flow, step.Line, $"step '{step.Id}' names topic '{step.Topic}', which no knowledge section has"));
            }
            if (step.Type == StepType.Action)
            {
                if (step.Action is null) errors.Add(Error(flow, step.Line, $"action step '{step.Id}' needs an 'action' name"));
                else if (!actions.Contains(step.Action))
                    errors.Add(Error(flow, step.Line, $"step '{step.Id}' names unknown action '{step.Action}' (known: {string.Join(", ", actions.Order())})"));
            }
            if (step.Type == StepType.Goto && step.Next is null)
                errors.Add(Error(flow, step.Line, $"goto step '{step.Id}' needs a 'next'"));

            foreach (var target in Targets(flow, step).Where(t => t is not null))
            {
                var pointsNowhere = target!.Kind switch
                {
                    FlowTargetKind.Step => flow.FindStep(target.Id) is null,
                    FlowTargetKind.Flow => !flows.ContainsKey(target.Id),
                    _ => false,
                };
                if (pointsNowhere)
                    errors.Add(Error(flow, target.Line, $"step '{step.Id}' points to {(target.Kind == FlowTargetKind.Flow ? "flow" : "step")} '{target.Id}', which does not exist"));
            }
        }

        var reached = Reachable(flow);
        foreach (var step in flow.Steps.Where(s => !reached.Contains(s.Id)))
            errors.Add(Error(flow, step.Line, $"step '{step.Id}' is unreachable: no step leads to it"));
    }

    /// <summary>Where a step can lead: its choices, yes/no, the attempt-limit exit and its default next.</summary>
    public static IEnumerable<FlowTarget?> Targets(FlowDefinition flow, FlowStep step)
    {
        if (step.Type == StepType.End) yield break;
        var defaultNext = step.Next ?? (flow.After(step) is { } after ? new FlowTarget(FlowTargetKind.Step, after.Id, step.Line) : null);
        switch (step.Type)
        {
            case StepType.Choice:
                foreach (var choice in step.Choices) yield return choice.Next ?? defaultNext;
                break;
            case StepType.Confirm:
                yield return step.Yes ?? defaultNext;
                yield return step.No ?? defaultNext;
                break;
            default:
                yield return defaultNext;
                break;
        }
        if (step.IsPrompt) yield return step.OnFail;
    }

    private static HashSet<string> Reachable(FlowDefinition flow)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FlowStep>();
        if (flow.Steps.Count > 0) pending.Push(flow.Steps[0]);
        while (pending.TryPop(out var step))
        {
            if (!reached.Add(step.Id)) continue;
            foreach (var target in Targets(flow, step))
            {
                if (target is { Kind: FlowTargetKind.Step } && flow.FindStep(target.Id) is { } next) pending.Push(next);
            }
        }
        return reached;
    }

    private static void CheckMessage(FlowDefinition flow, int line, string stepId, string? id, MessageCatalog messages, string messagesFile, List<FlowError> errors)
    {
        if (id is not null && !messages.Contains(id))
            errors.Add(Error(flow, line, $"step '{stepId}' uses message '{id}', which is missing from {messagesFile}"));
    }

    // A placeholder nobody fills would reach a person as an empty gap, so it stops the start instead. Flows
    // and the engine fill the flow's answers ({value.KEY}); a feature only what it declares. A message that
    // nobody in this composition says (another feature's, when that feature is not added) is not checked.
    private static void CheckPlaceholders(
        IReadOnlyList<FlowDefinition> flows, MessageCatalog messages, string messagesFile, IReadOnlyCollection<RequiredMessage> featureMessages, List<FlowError> errors)
    {
        var saidByFlows = flows.SelectMany(f => f.Steps)
            .SelectMany(s => s.Choices.Select(c => (string?)c.Label).Append(s.Message).Append(s.Retry))
            .OfType<string>().Concat(RequiredMessages).ToHashSet(StringComparer.Ordinal);
        var declared = featureMessages.GroupBy(m => m.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(m => m.Placeholders).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var id in messages.Ids)
        {
            var own = declared.GetValueOrDefault(id);
            var byFlows = saidByFlows.Contains(id);
            if (own is null && !byFlows) continue;
            foreach (var name in messages.PlaceholdersIn(id))
            {
                var filled = HelplinePlaceholders.Names.Contains(name)
                    || ((own is null || own.Contains(name)) && (!byFlows || name.StartsWith("value.", StringComparison.Ordinal)));
                if (filled) continue;
                IEnumerable<string> extra = own is null ? ["value.KEY"] : byFlows ? [] : own;
                var allowed = string.Join(", ", HelplinePlaceholders.Names.Concat(extra).Select(n => "{" + n + "}"));
                errors.Add(new FlowError(messagesFile, messages.LineOf(id), $"message '{id}' uses unknown placeholder '{{{name}}}' (it may use {allowed})"));
            }
        }
    }

    private static string Name(StepType type) => type.ToString().ToLowerInvariant();

    private static FlowError Error(FlowDefinition flow, int line, string problem) => new(flow.File, line, problem);
}
